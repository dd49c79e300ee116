import Init

/-
For all natural numbers d, e, b and c, if $d + e ≤ b$ and $b = c$, then:

$$e + d ≤ c$$
-/

theorem mutate_b3230deeceb2 (d e b c : Nat) (h1 : d + e ≤ b) (h2 : b = c) : e + d ≤ c :=
by
  have h2 : b ≤ c := Nat.le_of_eq h2
  have h : d + e ≤ c := Nat.le_trans h1 h2
  rw [Nat.add_comm d e] at h
  exact h
