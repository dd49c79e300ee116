import Init

/-
For all natural numbers a, b and d, if $a < b$, then:

$$a · d ^ 2 ≤ b · d ^ 2$$
-/

theorem mutate_c2f084fe5e5c (a b d : Nat) (h1 : a < b) : a * d ^ 2 ≤ b * d ^ 2 :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h : a * d ^ 2 ≤ b * d ^ 2 := Nat.mul_le_mul_right (d ^ 2) h1
  rw [← Nat.one_mul d] at h
  rw [Nat.one_mul d] at h
  exact h
