import Init

/-
For all natural numbers a, b and d, if $a < b$, then:

$$a · (d · 2) ≤ b · (d · 2)$$
-/

theorem mutate_fa0f275d580c (a b d : Nat) (h1 : a < b) : a * (d * 2) ≤ b * (d * 2) :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * (2 * d) ≤ b * (2 * d) := Nat.mul_le_mul_right (2 * d) h1
  rw [Nat.mul_comm 2 d] at h
  exact h
