import Init

/-
For all natural numbers a, b and d, if $a = b$, then:

$$a · (d · d) ≤ b · (d · d)$$
-/

theorem mutate_2d4d339e55e1 (a b d : Nat) (h1 : a = b) : a * (d * d) ≤ b * (d * d) :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a * d ^ 2 ≤ b * d ^ 2 := Nat.mul_le_mul_right (d ^ 2) h1
  rw [Nat.pow_two d] at h
  exact h
