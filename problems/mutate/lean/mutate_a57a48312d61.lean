import Init

/-
For all natural numbers a, d and e (subtraction stops at 0):

$$1 · (a + (d + e)) − (d + e) = a$$
-/

theorem mutate_a57a48312d61 (a d e : Nat) : 1 * (a + (d + e)) - (d + e) = a :=
by
  have h : (a + (d + e)) - (d + e) = a := Nat.add_sub_cancel a (d + e)
  rw [← Nat.one_mul (a + (d + e))] at h
  exact h
