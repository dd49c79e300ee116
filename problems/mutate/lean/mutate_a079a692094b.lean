import Init

/-
For all natural numbers d and b:

$$(d + d) · b · 1 = b · d + b · d$$
-/

theorem mutate_a079a692094b (d b : Nat) : (d + d) * b * 1 = b * d + b * d :=
by
  have h : (d + d) * b = b * (d + d) := Nat.mul_comm (d + d) b
  rw [Nat.left_distrib b d d] at h
  rw [← Nat.mul_one ((d + d) * b)] at h
  exact h
