import Init

/-
For all natural numbers d, b and c, if $d ^ 2 ≤ b$, then:

$$d ^ 2 · c ≤ 1 · b · c$$
-/

theorem mutate_82dc48b2fc88 (d b c : Nat) (h1 : d ^ 2 ≤ b) : d ^ 2 * c ≤ 1 * b * c :=
by
  have h : d ^ 2 * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [← Nat.one_mul b] at h
  exact h
