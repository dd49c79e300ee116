import Init

/-
For all natural numbers d and b:

$$2 · (d · b) = b · (2 · d)$$
-/

theorem mutate_7b4dc2590a36 (d b : Nat) : 2 * (d * b) = b * (2 * d) :=
by
  have h : 2 * d * b = b * (2 * d) := Nat.mul_comm (2 * d) b
  rw [Nat.mul_assoc 2 d b] at h
  exact h
