import Init

/-
For all natural numbers a and d:

$$a ≤ d + 1 + a$$
-/

theorem mutate_b329e758afcc (a d : Nat) : a ≤ d + 1 + a :=
by
  have h : a ≤ a + (d + 1) := Nat.le_add_right a (d + 1)
  rw [Nat.add_comm a (d + 1)] at h
  exact h
