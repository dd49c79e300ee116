import Init

/-
For all natural numbers d, b and c, if $d + 1 ≤ b$, then:

$$(1 + d) · c ≤ b · c$$
-/

theorem mutate_1b3a8cb92070 (d b c : Nat) (h1 : d + 1 ≤ b) : (1 + d) * c ≤ b * c :=
by
  have h : (d + 1) * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [Nat.add_comm d 1] at h
  exact h
