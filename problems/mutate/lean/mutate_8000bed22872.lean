import Init

/-
For all natural numbers a, b and d:

$$a · (b + (d + d)) = a · b + a · (d + d)$$
-/

theorem mutate_8000bed22872 (a b d : Nat) : a * (b + (d + d)) = a * b + a * (d + d) :=
by
  have h : a * (b + 2 * d) = a * b + a * (2 * d) := Nat.left_distrib a b (2 * d)
  rw [Nat.two_mul d] at h
  exact h
