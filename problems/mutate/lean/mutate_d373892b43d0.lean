import Init

/-
For all natural numbers d and b:

$$d · d · 1 · b = b · (d · d · 1)$$
-/

theorem mutate_d373892b43d0 (d b : Nat) : d * d * 1 * b = b * (d * d * 1) :=
by
  have h : d ^ 2 * b = b * d ^ 2 := Nat.mul_comm (d ^ 2) b
  rw [Nat.pow_two d] at h
  rw [← Nat.mul_one (d * d)] at h
  exact h
