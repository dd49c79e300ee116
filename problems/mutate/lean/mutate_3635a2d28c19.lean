import Init

/-
For all natural numbers a, b and c, if $a ≤ b$, then:

$$a + c ≤ c + b$$
-/

theorem mutate_3635a2d28c19 (a b c : Nat) (h1 : a ≤ b) : a + c ≤ c + b :=
by
  have h : a + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [Nat.add_comm b c] at h
  exact h
