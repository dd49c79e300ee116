import Init

/-
For all natural numbers d:

$$(d + d) ^ 2 = 1 · ((d + d) · (d + d))$$
-/

theorem mutate_05b1e0eba4d7 (d : Nat) : (d + d) ^ 2 = 1 * ((d + d) * (d + d)) :=
by
  have h : (d + d) ^ 2 = (d + d) * (d + d) := Nat.pow_two (d + d)
  rw [← Nat.one_mul ((d + d) * (d + d))] at h
  exact h
