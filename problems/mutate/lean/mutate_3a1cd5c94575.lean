import Init

/-
For all natural numbers a, d, e and c, if $a < d · e$, then:

$$a · c ≤ d · e · c$$
-/

theorem mutate_3a1cd5c94575 (a d e c : Nat) (h1 : a < d * e) : a * c ≤ d * e * c :=
by
  have h1 : a ≤ d * e := Nat.le_of_lt h1
  have h : a * c ≤ d * e * c := Nat.mul_le_mul_right c h1
  exact h
