import Init

/-
For all natural numbers a, b and c, if $a ≤ b$, then:

$$a · c ≤ c · b$$
-/

theorem mutate_9d7d1093386b (a b c : Nat) (h1 : a ≤ b) : a * c ≤ c * b :=
by
  have h : a * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [Nat.mul_comm b c] at h
  exact h
