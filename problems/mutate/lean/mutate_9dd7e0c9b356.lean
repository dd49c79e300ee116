import Init

/-
For all natural numbers d and b:

$$d + 1 ≤ d + (1 + b)$$
-/

theorem mutate_9dd7e0c9b356 (d b : Nat) : d + 1 ≤ d + (1 + b) :=
by
  have h : d + 1 ≤ d + 1 + b := Nat.le_add_right (d + 1) b
  rw [Nat.add_assoc d 1 b] at h
  exact h
