import Init

/-
For all natural numbers a, b and c, if $a = b$, then:

$$a + 1 · c ≤ b + 1 · c$$
-/

theorem mutate_6b8e4e20dfe9 (a b c : Nat) (h1 : a = b) : a + 1 * c ≤ b + 1 * c :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.one_mul c] at h
  exact h
