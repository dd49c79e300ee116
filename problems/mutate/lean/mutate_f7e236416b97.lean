import Init

/-
For all natural numbers a, b, d and e:

$$a · (b + d · e) = a · (d · e) + a · b$$
-/

theorem mutate_f7e236416b97 (a b d e : Nat) : a * (b + d * e) = a * (d * e) + a * b :=
by
  have h : a * (b + d * e) = a * b + a * (d * e) := Nat.left_distrib a b (d * e)
  rw [Nat.add_comm (a * b) (a * (d * e))] at h
  exact h
