import Init

/-
For all natural numbers a, b and c:

$$c · (a + b) = b · c + a · c$$
-/

theorem mutate_9ffe3b33a785 (a b c : Nat) : c * (a + b) = b * c + a * c :=
by
  have h : (a + b) * c = a * c + b * c := Nat.right_distrib a b c
  rw [Nat.add_comm (a * c) (b * c)] at h
  rw [Nat.mul_comm (a + b) c] at h
  exact h
