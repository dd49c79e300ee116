import Init

/-
For all natural numbers a and b (subtraction stops at 0), if $b = a$, then:

$$(a · 1 − b) + b = a · 1$$
-/

theorem mutate_85c451385c12 (a b : Nat) (h1 : b = a) : (a * 1 - b) + b = a * 1 :=
by
  have h1 : b ≤ a := Nat.le_of_eq h1
  have h : (a - b) + b = a := Nat.sub_add_cancel h1
  rw [← Nat.mul_one a] at h
  exact h
