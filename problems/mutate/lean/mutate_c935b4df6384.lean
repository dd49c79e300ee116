import Init

/-
For all natural numbers a, b and d:

$$(a + 1 · b) · 1 · (2 · d) = a · (2 · d) + 1 · b · (2 · d)$$
-/

theorem mutate_c935b4df6384 (a b d : Nat) : (a + 1 * b) * 1 * (2 * d) = a * (2 * d) + 1 * b * (2 * d) :=
by
  have h : (a + b) * (2 * d) = a * (2 * d) + b * (2 * d) := Nat.right_distrib a b (2 * d)
  rw [← Nat.mul_one (a + b)] at h
  rw [← Nat.one_mul b] at h
  exact h
