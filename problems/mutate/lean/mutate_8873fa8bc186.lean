import Init

/-
For all natural numbers a and d:

$$a ≤ a + d · 2$$
-/

theorem mutate_8873fa8bc186 (a d : Nat) : a ≤ a + d * 2 :=
by
  have h : a ≤ a + (d + d) := Nat.le_add_right a (d + d)
  rw [← Nat.mul_two d] at h
  exact h
