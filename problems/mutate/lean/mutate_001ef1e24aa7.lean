import Init

/-
For all natural numbers a, b and c, if $a = b$, then:

$$a + (c + 0) ≤ b + c$$
-/

theorem mutate_001ef1e24aa7 (a b c : Nat) (h1 : a = b) : a + (c + 0) ≤ b + c :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_zero (a + c)] at h
  rw [Nat.add_assoc a c 0] at h
  exact h
