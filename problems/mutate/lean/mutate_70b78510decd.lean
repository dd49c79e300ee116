import Init

/-
For all natural numbers a:

$$(1 · a) ^ 2 = 1 · (a · (1 · a))$$
-/

theorem mutate_70b78510decd (a : Nat) : (1 * a) ^ 2 = 1 * (a * (1 * a)) :=
by
  have h : a ^ 2 = a * a := Nat.pow_two a
  rw [← Nat.one_mul a] at h
  rw [Nat.mul_assoc 1 a (1 * a)] at h
  exact h
