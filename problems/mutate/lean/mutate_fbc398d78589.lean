import Init

/-
For all natural numbers d, b and c, if $2 · d < b$, then:

$$2 · d · c ≤ b · c$$
-/

theorem mutate_fbc398d78589 (d b c : Nat) (h1 : 2 * d < b) : 2 * d * c ≤ b * c :=
by
  have h1 : 2 * d ≤ b := Nat.le_of_lt h1
  have h : 2 * d * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [← Nat.one_mul c] at h
  rw [Nat.one_mul c] at h
  exact h
