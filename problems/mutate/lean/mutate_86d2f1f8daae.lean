import Init

/-
For all natural numbers a, b and d, if $a < b$ and $b < 2 · d$, then:

$$a < d · 2$$
-/

theorem mutate_86d2f1f8daae (a b d : Nat) (h1 : a < b) (h2 : b < 2 * d) : a < d * 2 :=
by
  have h : a < 2 * d := Nat.lt_trans h1 h2
  rw [← Nat.mul_comm d 2] at h
  exact h
