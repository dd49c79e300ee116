import Init

/-
For all natural numbers a, b and c, if $a < b$, then:

$$(a + c) · 1 ≤ b + c$$
-/

theorem mutate_9b112a266e66 (a b c : Nat) (h1 : a < b) : (a + c) * 1 ≤ b + c :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.mul_one (a + c)] at h
  exact h
