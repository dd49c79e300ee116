import Init

/-
For all natural numbers a and d (subtraction stops at 0):

$$(a + 0 + d · d) − d · d = a + 0$$
-/

theorem mutate_75f817c8f675 (a d : Nat) : (a + 0 + d * d) - d * d = a + 0 :=
by
  have h : (a + d ^ 2) - d ^ 2 = a := Nat.add_sub_cancel a (d ^ 2)
  rw [← Nat.add_zero a] at h
  rw [Nat.pow_two d] at h
  exact h
