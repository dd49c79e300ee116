import Init

/-
For all natural numbers a, d and c, if $a ≤ d + 1$, then:

$$c + a ≤ d + 1 + c$$
-/

theorem mutate_c13fb899af7e (a d c : Nat) (h1 : a ≤ d + 1) : c + a ≤ d + 1 + c :=
by
  have h : a + c ≤ d + 1 + c := Nat.add_le_add_right h1 c
  rw [← Nat.add_comm c a] at h
  exact h
