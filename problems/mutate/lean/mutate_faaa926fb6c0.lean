import Init

/-
For all natural numbers d, b and c:

$$2 · d + b + c = 2 · d + (b + c)$$
-/

theorem mutate_faaa926fb6c0 (d b c : Nat) : 2 * d + b + c = 2 * d + (b + c) :=
by
  have h : d + d + b + c = d + d + (b + c) := Nat.add_assoc (d + d) b c
  rw [← Nat.two_mul d] at h
  exact h
