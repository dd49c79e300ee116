import Init

/-
For all natural numbers a, b and d:

$$a · b · (d + 1) = a · (b · (d + 1) + 0)$$
-/

theorem mutate_d05fdbb53e6d (a b d : Nat) : a * b * (d + 1) = a * (b * (d + 1) + 0) :=
by
  have h : a * b * (d + 1) = a * (b * (d + 1)) := Nat.mul_assoc a b (d + 1)
  rw [← Nat.add_zero (b * (d + 1))] at h
  exact h
