import Init

/-
For all natural numbers d, b and c:

$$2 · d · b · c = b · c · (2 · d)$$
-/

theorem mutate_91e71b931d01 (d b c : Nat) : 2 * d * b * c = b * c * (2 * d) :=
by
  have h : 2 * d * b * c = 2 * d * (b * c) := Nat.mul_assoc (2 * d) b c
  rw [Nat.mul_comm (2 * d) (b * c)] at h
  exact h
