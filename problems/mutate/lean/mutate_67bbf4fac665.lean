import Init

/-
For all natural numbers a, b and c, if $a < b$, then:

$$a · c ≤ b · c$$
-/

theorem mutate_67bbf4fac665 (a b c : Nat) (h1 : a < b) : a * c ≤ b * c :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * c ≤ b * c := Nat.mul_le_mul_right c h1
  exact h
