import Init

/-
For all natural numbers d:

$$(d + 1) ^ 2 = d · (d + 1) + 1 · (d + 1)$$
-/

theorem mutate_2b7a226f94cf (d : Nat) : (d + 1) ^ 2 = d * (d + 1) + 1 * (d + 1) :=
by
  have h : (d + 1) ^ 2 = (d + 1) * (d + 1) := Nat.pow_two (d + 1)
  rw [Nat.right_distrib d 1 (d + 1)] at h
  exact h
