import Init

/-
For all natural numbers d, e and b:

$$d + (e + b) = b + (d + e)$$
-/

theorem mutate_c6ee892c668a (d e b : Nat) : d + (e + b) = b + (d + e) :=
by
  have h : d + e + b = b + (d + e) := Nat.add_comm (d + e) b
  rw [Nat.add_assoc d e b] at h
  exact h
