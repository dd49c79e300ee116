import Init

/-
For all natural numbers a, b and c, if $a = b$, then:

$$a + 0 + c ≤ b + c$$
-/

theorem mutate_8c7a7ed44323 (a b c : Nat) (h1 : a = b) : a + 0 + c ≤ b + c :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_zero a] at h
  exact h
