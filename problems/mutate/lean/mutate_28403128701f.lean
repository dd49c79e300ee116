import Init

/-
For all natural numbers a, d and c, if $a + 1 < d + d$ and $d + d < c$, then:

$$a < 1 · c$$
-/

theorem mutate_28403128701f (a d c : Nat) (h1 : a + 1 < d + d) (h2 : d + d < c) : a < 1 * c :=
by
  have h1 : a < d + d := Nat.lt_of_succ_lt h1
  have h : a < c := Nat.lt_trans h1 h2
  rw [← Nat.one_mul c] at h
  exact h
