import Init

/-
For all natural numbers d, b and c, if $2 · d < b$ and $b < c$, then:

$$(2 + 0) · d < c$$
-/

theorem mutate_5614e19c1832 (d b c : Nat) (h1 : 2 * d < b) (h2 : b < c) : (2 + 0) * d < c :=
by
  have h : 2 * d < c := Nat.lt_trans h1 h2
  rw [← Nat.add_zero 2] at h
  exact h
