import Init

/-
For all natural numbers d and e:

$$(e · d) ^ 2 = e · d · (e · d)$$
-/

theorem mutate_e7473abfe278 (d e : Nat) : (e * d) ^ 2 = e * d * (e * d) :=
by
  have h : (d * e) ^ 2 = d * e * (d * e) := Nat.pow_two (d * e)
  rw [Nat.mul_comm d e] at h
  exact h
