import Init

/-
For all natural numbers a, d and c:

$$a · (1 + d) · c = a · ((1 + d) · c)$$
-/

theorem mutate_73f93ef40f17 (a d c : Nat) : a * (1 + d) * c = a * ((1 + d) * c) :=
by
  have h : a * (d + 1) * c = a * ((d + 1) * c) := Nat.mul_assoc a (d + 1) c
  rw [← Nat.add_comm 1 d] at h
  exact h
