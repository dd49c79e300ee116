import Init

/-
For all natural numbers d and b:

$$(d + 0) · 2 + b = b + (d + 0) · 2$$
-/

theorem mutate_98c71f51c650 (d b : Nat) : (d + 0) * 2 + b = b + (d + 0) * 2 :=
by
  have h : 2 * d + b = b + 2 * d := Nat.add_comm (2 * d) b
  rw [Nat.mul_comm 2 d] at h
  rw [← Nat.add_zero d] at h
  exact h
