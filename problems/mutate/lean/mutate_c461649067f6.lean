import Init

/-
For all natural numbers a, b and c, if $a ≤ b$, then:

$$a + c ≤ b + c + 0$$
-/

theorem mutate_c461649067f6 (a b c : Nat) (h1 : a ≤ b) : a + c ≤ b + c + 0 :=
by
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_zero (b + c)] at h
  exact h
