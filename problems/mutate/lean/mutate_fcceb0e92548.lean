import Init

/-
For all natural numbers a and b (subtraction stops at 0):

$$(a + 1 · b) − 1 · b = a$$
-/

theorem mutate_fcceb0e92548 (a b : Nat) : (a + 1 * b) - 1 * b = a :=
by
  have h : (a + b) - b = a := Nat.add_sub_cancel a b
  rw [← Nat.one_mul b] at h
  exact h
