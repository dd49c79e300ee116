import Init

/-
For all natural numbers d, b and c, if $d + 1 + 1 ≤ b$ and $b < c$, then:

$$1 + d < c$$
-/

theorem mutate_74a3ebbb4f3e (d b c : Nat) (h1 : d + 1 + 1 ≤ b) (h2 : b < c) : 1 + d < c :=
by
  have h1 : d + 1 < b := Nat.lt_of_succ_le h1
  have h : d + 1 < c := Nat.lt_trans h1 h2
  rw [← Nat.add_comm 1 d] at h
  exact h
