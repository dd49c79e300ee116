import Init

/-
For all natural numbers d, b and c, if $d ^ 2 = b$ and $b ≤ c$, then:

$$d · d ≤ c$$
-/

theorem mutate_c3b45897c96d (d b c : Nat) (h1 : d ^ 2 = b) (h2 : b ≤ c) : d * d ≤ c :=
by
  have h1 : d ^ 2 ≤ b := Nat.le_of_eq h1
  have h : d ^ 2 ≤ c := Nat.le_trans h1 h2
  rw [Nat.pow_two d] at h
  exact h
