import Init

/-
For all natural numbers d and b:

$$(d + d) · b = b · d + b · d$$
-/

theorem mutate_3b93dd948943 (d b : Nat) : (d + d) * b = b * d + b * d :=
by
  have h : 2 * d * b = b * (2 * d) := Nat.mul_comm (2 * d) b
  rw [Nat.two_mul d] at h
  rw [Nat.left_distrib b d d] at h
  exact h
