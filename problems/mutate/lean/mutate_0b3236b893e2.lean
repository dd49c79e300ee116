import Init

/-
For all natural numbers a and b (subtraction stops at 0), if $b = a$, then:

$$b + (a − b) = a$$
-/

theorem mutate_0b3236b893e2 (a b : Nat) (h1 : b = a) : b + (a - b) = a :=
by
  have h1 : b ≤ a := Nat.le_of_eq h1
  have h : (a - b) + b = a := Nat.sub_add_cancel h1
  rw [Nat.add_comm (a - b) b] at h
  exact h
