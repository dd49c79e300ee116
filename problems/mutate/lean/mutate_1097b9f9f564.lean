import Init

/-
For all natural numbers a, b and d:

$$a + b + 2 · (1 · d) = a + (b + 2 · (1 · d))$$
-/

theorem mutate_1097b9f9f564 (a b d : Nat) : a + b + 2 * (1 * d) = a + (b + 2 * (1 * d)) :=
by
  have h : a + b + 2 * d = a + (b + 2 * d) := Nat.add_assoc a b (2 * d)
  rw [← Nat.one_mul d] at h
  exact h
