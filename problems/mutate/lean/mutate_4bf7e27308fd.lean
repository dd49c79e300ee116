import Init

/-
For all natural numbers a, b and d, if $a ≤ b$, then:

$$a · (2 · d) ≤ 2 · d · b$$
-/

theorem mutate_4bf7e27308fd (a b d : Nat) (h1 : a ≤ b) : a * (2 * d) ≤ 2 * d * b :=
by
  have h : a * (2 * d) ≤ b * (2 * d) := Nat.mul_le_mul_right (2 * d) h1
  rw [Nat.mul_comm b (2 * d)] at h
  exact h
