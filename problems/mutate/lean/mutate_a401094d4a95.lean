import Init

/-
For all natural numbers a and d, if $0 < d + 1$, then:

$$a < a + (d + 1 + 0)$$
-/

theorem mutate_a401094d4a95 (a d : Nat) (h1 : 0 < d + 1) : a < a + (d + 1 + 0) :=
by
  have h : a < a + (d + 1) := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_zero (d + 1)] at h
  exact h
