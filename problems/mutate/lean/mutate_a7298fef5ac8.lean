import Init

/-
For all natural numbers a and b:

$$1 · (a + b) = a + b$$
-/

theorem mutate_a7298fef5ac8 (a b : Nat) : 1 * (a + b) = a + b :=
by
  have h : a + b = b + a := Nat.add_comm a b
  rw [← Nat.one_mul (a + b)] at h
  rw [← Nat.add_comm a b] at h
  exact h
