import Init

/-
For all natural numbers a, b and d:

$$a · (b + (d + d)) = a · (d + d) + b · a$$
-/

theorem mutate_c5666c469f2b (a b d : Nat) : a * (b + (d + d)) = a * (d + d) + b * a :=
by
  have h : a * (b + (d + d)) = a * b + a * (d + d) := Nat.left_distrib a b (d + d)
  rw [Nat.mul_comm a b] at h
  rw [Nat.add_comm (b * a) (a * (d + d))] at h
  exact h
