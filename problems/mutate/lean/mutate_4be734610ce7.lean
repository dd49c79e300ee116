import Init

/-
For all natural numbers a:

$$1 · a ^ 2 = a · a$$
-/

theorem mutate_4be734610ce7 (a : Nat) : 1 * a ^ 2 = a * a :=
by
  have h : a ^ 2 = a * a := Nat.pow_two a
  rw [← Nat.one_mul (a ^ 2)] at h
  exact h
