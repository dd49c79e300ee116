import Init

/-
For all natural numbers a, b and c:

$$a · (b + c) = a · b · 1 + a · c · 1$$
-/

theorem mutate_94bd77684da7 (a b c : Nat) : a * (b + c) = a * b * 1 + a * c * 1 :=
by
  have h : a * (b + c) = a * b + a * c := Nat.left_distrib a b c
  rw [← Nat.mul_one (a * b + a * c)] at h
  rw [Nat.right_distrib (a * b) (a * c) 1] at h
  exact h
