import Init

/-
For all natural numbers a, b and d, if $a < b$, then:

$$a · (d + 1 + 0) ≤ b · (d + 1 + 0)$$
-/

theorem mutate_31bf09a1289c (a b d : Nat) (h1 : a < b) : a * (d + 1 + 0) ≤ b * (d + 1 + 0) :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * (d + 1) ≤ b * (d + 1) := Nat.mul_le_mul_right (d + 1) h1
  rw [← Nat.add_zero (d + 1)] at h
  exact h
