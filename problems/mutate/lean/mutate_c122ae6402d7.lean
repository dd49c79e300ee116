import Init

/-
For all natural numbers d:

$$(1 + d) ^ 2 = 1 · (1 + d) + d · (1 + d)$$
-/

theorem mutate_c122ae6402d7 (d : Nat) : (1 + d) ^ 2 = 1 * (1 + d) + d * (1 + d) :=
by
  have h : (d + 1) ^ 2 = (d + 1) * (d + 1) := Nat.pow_two (d + 1)
  rw [← Nat.add_comm 1 d] at h
  rw [Nat.right_distrib 1 d (1 + d)] at h
  exact h
