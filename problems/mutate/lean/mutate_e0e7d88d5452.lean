import Init

/-
For all natural numbers d and b, if $0 < b$, then:

$$d + d + 0 < d + d + 0 + b$$
-/

theorem mutate_e0e7d88d5452 (d b : Nat) (h1 : 0 < b) : d + d + 0 < d + d + 0 + b :=
by
  have h : d + d < d + d + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_zero (d + d)] at h
  exact h
