import Init

/-
For all natural numbers a and b (subtraction stops at 0):

$$(1 · a + b) − b = 1 · a$$
-/

theorem mutate_4d6f215e0235 (a b : Nat) : (1 * a + b) - b = 1 * a :=
by
  have h : (a + b) - b = a := Nat.add_sub_cancel a b
  rw [← Nat.one_mul a] at h
  exact h
