import Init

/-
For all natural numbers a, b and d, if $a + 1 < b$ and $b < d + 1$, then:

$$a < (d + 1) · 1$$
-/

theorem mutate_c068864531a2 (a b d : Nat) (h1 : a + 1 < b) (h2 : b < d + 1) : a < (d + 1) * 1 :=
by
  have h1 : a < b := Nat.lt_of_succ_lt h1
  have h : a < d + 1 := Nat.lt_trans h1 h2
  rw [← Nat.mul_one (d + 1)] at h
  exact h
