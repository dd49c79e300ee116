import Init

/-
For all natural numbers a, b and c, if $a ≤ b$ and $b = c$, then:

$$a + 0 ≤ c$$
-/

theorem mutate_3ec85556089a (a b c : Nat) (h1 : a ≤ b) (h2 : b = c) : a + 0 ≤ c :=
by
  have h2 : b ≤ c := Nat.le_of_eq h2
  have h : a ≤ c := Nat.le_trans h1 h2
  rw [← Nat.add_zero a] at h
  exact h
