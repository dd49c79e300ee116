import Init

/-
For all natural numbers a and b (subtraction stops at 0), if $b ≤ a$, then:

$$(1 · a − b) + b = 1 · a$$
-/

theorem mutate_8b7666685e00 (a b : Nat) (h1 : b ≤ a) : (1 * a - b) + b = 1 * a :=
by
  have h : (a - b) + b = a := Nat.sub_add_cancel h1
  rw [← Nat.mul_one a] at h
  rw [← Nat.mul_comm 1 a] at h
  exact h
