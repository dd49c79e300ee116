import Init

/-
For all natural numbers d, e and b:

$$d · (e · b) = b · (d · e)$$
-/

theorem mutate_7f8dc9c25d7c (d e b : Nat) : d * (e * b) = b * (d * e) :=
by
  have h : d * e * b = b * (d * e) := Nat.mul_comm (d * e) b
  rw [Nat.mul_assoc d e b] at h
  exact h
