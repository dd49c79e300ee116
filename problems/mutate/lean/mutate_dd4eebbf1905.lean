import Init

/-
For all natural numbers d, e, b and c, if $d + e = b$, then:

$$d + (e + c) ≤ b + c$$
-/

theorem mutate_dd4eebbf1905 (d e b c : Nat) (h1 : d + e = b) : d + (e + c) ≤ b + c :=
by
  have h1 : d + e ≤ b := Nat.le_of_eq h1
  have h : d + e + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [Nat.add_assoc d e c] at h
  exact h
