import Init

/-
For all natural numbers a and b:

$$a ≤ 1 · (a + b)$$
-/

theorem mutate_a562f3f7ce89 (a b : Nat) : a ≤ 1 * (a + b) :=
by
  have h : a ≤ a + b := Nat.le_add_right a b
  rw [← Nat.one_mul (a + b)] at h
  exact h
