import Init

/-
For all natural numbers a, d and c:

$$a · (d + 1) · c = a · (1 · c + d · c)$$
-/

theorem mutate_339bcb579463 (a d c : Nat) : a * (d + 1) * c = a * (1 * c + d * c) :=
by
  have h : a * (d + 1) * c = a * ((d + 1) * c) := Nat.mul_assoc a (d + 1) c
  rw [Nat.right_distrib d 1 c] at h
  rw [Nat.add_comm (d * c) (1 * c)] at h
  exact h
