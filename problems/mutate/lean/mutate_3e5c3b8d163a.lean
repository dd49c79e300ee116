import Init

/-
For all natural numbers a, b and d, if $a ≤ b$, then:

$$a + d · d + 0 ≤ b + d · d$$
-/

theorem mutate_3e5c3b8d163a (a b d : Nat) (h1 : a ≤ b) : a + d * d + 0 ≤ b + d * d :=
by
  have h : a + d ^ 2 ≤ b + d ^ 2 := Nat.add_le_add_right h1 (d ^ 2)
  rw [Nat.pow_two d] at h
  rw [← Nat.add_zero (a + d * d)] at h
  exact h
