import Init

/-
For all natural numbers a and b:

$$a ≤ a + (b + 0)$$
-/

theorem mutate_068eabd7b421 (a b : Nat) : a ≤ a + (b + 0) :=
by
  have h : a ≤ a + b := Nat.le_add_right a b
  rw [← Nat.add_zero b] at h
  exact h
