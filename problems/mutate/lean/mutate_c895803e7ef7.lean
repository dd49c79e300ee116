import Init

/-
For all natural numbers a, b and d, if $a ≤ b$, then:

$$a · (d · 1 + d · 1 + 0) ≤ b · (d · 1 + d · 1 + 0)$$
-/

theorem mutate_c895803e7ef7 (a b d : Nat) (h1 : a ≤ b) : a * (d * 1 + d * 1 + 0) ≤ b * (d * 1 + d * 1 + 0) :=
by
  have h : a * (d + d) ≤ b * (d + d) := Nat.mul_le_mul_right (d + d) h1
  rw [← Nat.mul_one d] at h
  rw [← Nat.add_zero (d * 1 + d * 1)] at h
  exact h
