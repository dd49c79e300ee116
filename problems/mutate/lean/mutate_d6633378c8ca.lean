import Init

/-
For all natural numbers a, b and d:

$$a · (b + d) + a · d = a · b + a · (d + d)$$
-/

theorem mutate_d6633378c8ca (a b d : Nat) : a * (b + d) + a * d = a * b + a * (d + d) :=
by
  have h : a * (b + (d + d)) = a * b + a * (d + d) := Nat.left_distrib a b (d + d)
  rw [← Nat.add_assoc b d d] at h
  rw [Nat.left_distrib a (b + d) d] at h
  exact h
