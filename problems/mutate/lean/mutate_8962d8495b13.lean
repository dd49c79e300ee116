import Init

/-
For all natural numbers a, b and d, if $a = b$, then:

$$a + (d + d) ≤ b + (d + d)$$
-/

theorem mutate_8962d8495b13 (a b d : Nat) (h1 : a = b) : a + (d + d) ≤ b + (d + d) :=
by
  have h1 : a ≤ b := Nat.le_of_eq h1
  have h : a + (d + d) ≤ b + (d + d) := Nat.add_le_add_right h1 (d + d)
  exact h
