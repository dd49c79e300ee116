import Init

/-
For all natural numbers a, b and d, if $a < b$ and $b + 1 < d + d$, then:

$$1 · a < d + d$$
-/

theorem mutate_ea37eacf842c (a b d : Nat) (h1 : a < b) (h2 : b + 1 < d + d) : 1 * a < d + d :=
by
  have h2 : b < d + d := Nat.lt_of_succ_lt h2
  have h : a < d + d := Nat.lt_trans h1 h2
  rw [← Nat.one_mul a] at h
  exact h
