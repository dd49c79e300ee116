import Init

/-
For all natural numbers a and d:

$$a ≤ d + (d + a)$$
-/

theorem mutate_58233291a32e (a d : Nat) : a ≤ d + (d + a) :=
by
  have h : a ≤ a + (d + d) := Nat.le_add_right a (d + d)
  rw [Nat.add_comm a (d + d)] at h
  rw [Nat.add_assoc d d a] at h
  exact h
