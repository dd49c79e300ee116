import Init

/-
For all natural numbers d, e, b and c, if $d · e = b$, then:

$$1 · (d · e · c) ≤ b · c$$
-/

theorem mutate_288e44c48420 (d e b c : Nat) (h1 : d * e = b) : 1 * (d * e * c) ≤ b * c :=
by
  have h1 : d * e ≤ b := Nat.le_of_eq h1
  have h : d * e * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [← Nat.one_mul (d * e * c)] at h
  exact h
