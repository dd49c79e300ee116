import Init

/-
For all natural numbers d, b and c, if $d + d ≤ b$ and $b = c$, then:

$$2 · d ≤ c$$
-/

theorem mutate_3983af7b26bb (d b c : Nat) (h1 : d + d ≤ b) (h2 : b = c) : 2 * d ≤ c :=
by
  have h2 : b ≤ c := Nat.le_of_eq h2
  have h : d + d ≤ c := Nat.le_trans h1 h2
  rw [← Nat.two_mul d] at h
  exact h
