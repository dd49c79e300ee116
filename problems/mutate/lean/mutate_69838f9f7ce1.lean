import Init

/-
For all natural numbers a, b and c, if $a = b$, then:

$$a · 1 + c ≤ c + b$$
-/

theorem mutate_69838f9f7ce1 (a b c : Nat) (h1 : a = b) : a * 1 + c ≤ c + b :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.mul_one a] at h
  rw [Nat.add_comm b c] at h
  exact h
