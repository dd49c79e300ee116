import Init

/-
For all natural numbers a and d (subtraction stops at 0):

$$(d + d + a) − (d + d) = a$$
-/

theorem mutate_92ee5c86cb15 (a d : Nat) : (d + d + a) - (d + d) = a :=
by
  have h : (a + (d + d)) - (d + d) = a := Nat.add_sub_cancel a (d + d)
  rw [Nat.add_comm a (d + d)] at h
  exact h
