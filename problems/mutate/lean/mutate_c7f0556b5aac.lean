import Init

/-
For all natural numbers a and b:

$$a + 1 · b = 1 · b + a$$
-/

theorem mutate_c7f0556b5aac (a b : Nat) : a + 1 * b = 1 * b + a :=
by
  have h : a + b = b + a := Nat.add_comm a b
  rw [← Nat.one_mul b] at h
  exact h
