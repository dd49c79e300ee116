import Init

/-
For all natural numbers a, b and c, if $a < b$, then:

$$c + a ≤ b + c$$
-/

theorem mutate_0af356361f9c (a b c : Nat) (h1 : a < b) : c + a ≤ b + c :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_comm c a] at h
  exact h
