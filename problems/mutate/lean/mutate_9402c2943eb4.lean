import Init

/-
For all natural numbers d, b and c, if $d ^ 2 ≤ b$, then:

$$d ^ 2 · c ≤ c · b$$
-/

theorem mutate_9402c2943eb4 (d b c : Nat) (h1 : d ^ 2 ≤ b) : d ^ 2 * c ≤ c * b :=
by
  have h : d ^ 2 * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [Nat.mul_comm b c] at h
  exact h
