import Init

/-
For all natural numbers a, b and c, if $a ≤ b$, then:

$$c + a ≤ b + c$$
-/

theorem mutate_19909dd5af59 (a b c : Nat) (h1 : a ≤ b) : c + a ≤ b + c :=
by
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_comm c a] at h
  exact h
