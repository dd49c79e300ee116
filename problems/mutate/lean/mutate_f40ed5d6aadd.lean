import Init

/-
For all natural numbers a, d, e and c, if $a = d + e$, then:

$$a · (1 · c) ≤ (d + e) · (1 · c)$$
-/

theorem mutate_f40ed5d6aadd (a d e c : Nat) (h1 : a = d + e) : a * (1 * c) ≤ (d + e) * (1 * c) :=
by
  have h1 : a ≤ d + e := Nat.le_of_eq h1
  have h : a * c ≤ (d + e) * c := Nat.mul_le_mul_right c h1
  rw [← Nat.one_mul c] at h
  exact h
