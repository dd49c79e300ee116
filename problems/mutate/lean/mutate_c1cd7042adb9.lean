import Init

/-
For all natural numbers d:

$$(d · d) ^ 2 = d · d · (d · d)$$
-/

theorem mutate_c1cd7042adb9 (d : Nat) : (d * d) ^ 2 = d * d * (d * d) :=
by
  have h : (d ^ 2) ^ 2 = d ^ 2 * d ^ 2 := Nat.pow_two (d ^ 2)
  rw [Nat.pow_two d] at h
  exact h
