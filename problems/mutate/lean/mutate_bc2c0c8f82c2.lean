import Init

/-
For all natural numbers a, d and e:

$$a ≤ a + (d + e) + 0$$
-/

theorem mutate_bc2c0c8f82c2 (a d e : Nat) : a ≤ a + (d + e) + 0 :=
by
  have h : a ≤ a + (d + e) := Nat.le_add_right a (d + e)
  rw [← Nat.add_zero (a + (d + e))] at h
  exact h
