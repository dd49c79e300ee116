import Init

/-
For all natural numbers a, b and d, if $a < b$, then:

$$a · d ^ 2 ≤ (b + 1 · 0) · d ^ 2$$
-/

theorem mutate_eb8eaba66aec (a b d : Nat) (h1 : a < b) : a * d ^ 2 ≤ (b + 1 * 0) * d ^ 2 :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * d ^ 2 ≤ b * d ^ 2 := Nat.mul_le_mul_right (d ^ 2) h1
  rw [← Nat.add_zero b] at h
  rw [← Nat.one_mul 0] at h
  exact h
