import Init

/-
For all natural numbers a, b and d:

$$a · b · (d · d) = a · (b · (d · d))$$
-/

theorem mutate_1c9bf96a35c8 (a b d : Nat) : a * b * (d * d) = a * (b * (d * d)) :=
by
  have h : a * b * d ^ 2 = a * (b * d ^ 2) := Nat.mul_assoc a b (d ^ 2)
  rw [Nat.pow_two d] at h
  exact h
