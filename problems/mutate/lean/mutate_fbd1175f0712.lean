import Init

/-
For all natural numbers a, b and c, if $a < b$ and $b + 1 < c$, then:

$$a < c$$
-/

theorem mutate_fbd1175f0712 (a b c : Nat) (h1 : a < b) (h2 : b + 1 < c) : a < c :=
by
  have h2 : b < c := Nat.lt_of_succ_lt h2
  have h : a < c := Nat.lt_trans h1 h2
  exact h
