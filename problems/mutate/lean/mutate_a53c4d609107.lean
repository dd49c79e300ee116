import Init

/-
For all natural numbers a, b and c, if $a < b$, then:

$$1 · (a · c) ≤ 1 · (b · c)$$
-/

theorem mutate_a53c4d609107 (a b c : Nat) (h1 : a < b) : 1 * (a * c) ≤ 1 * (b * c) :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [← Nat.one_mul (a * c)] at h
  rw [← Nat.one_mul (b * c)] at h
  exact h
