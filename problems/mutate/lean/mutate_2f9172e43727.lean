import Init

/-
For all natural numbers d:

$$(d · 2) ^ 2 = d · 2 · (d · 2)$$
-/

theorem mutate_2f9172e43727 (d : Nat) : (d * 2) ^ 2 = d * 2 * (d * 2) :=
by
  have h : (d + d) ^ 2 = (d + d) * (d + d) := Nat.pow_two (d + d)
  rw [← Nat.mul_two d] at h
  exact h
