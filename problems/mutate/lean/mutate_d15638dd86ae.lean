import Init

/-
For all natural numbers d, b and c:

$$2 · d · b · (c · 1) = 2 · d · (b · (c · 1))$$
-/

theorem mutate_d15638dd86ae (d b c : Nat) : 2 * d * b * (c * 1) = 2 * d * (b * (c * 1)) :=
by
  have h : 2 * d * b * c = 2 * d * (b * c) := Nat.mul_assoc (2 * d) b c
  rw [← Nat.mul_one c] at h
  exact h
