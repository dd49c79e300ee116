import Init

/-
For all natural numbers d, e, b and c, if $d + e = b$, then:

$$(e + d) · (c + 0) ≤ b · (c + 0)$$
-/

theorem mutate_a7d8e6c7000c (d e b c : Nat) (h1 : d + e = b) : (e + d) * (c + 0) ≤ b * (c + 0) :=
by
  have h1 : d + e ≤ b := Nat.le_of_eq h1
  have h : (d + e) * c ≤ b * c := Nat.mul_le_mul_right c h1
  rw [Nat.add_comm d e] at h
  rw [← Nat.add_zero c] at h
  exact h
