import Init

/-
For all natural numbers d and b, if $1 ≤ b$, then:

$$2 · d < 2 · d + b + 0$$
-/

theorem mutate_f6b73d8c4d35 (d b : Nat) (h1 : 1 ≤ b) : 2 * d < 2 * d + b + 0 :=
by
  have h1 : 0 < b := Nat.lt_of_succ_le h1
  have h : 2 * d < 2 * d + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_zero (2 * d + b)] at h
  exact h
