import Init

/-
For all natural numbers a and b, if $1 < b$, then:

$$a < a + b + 0$$
-/

theorem mutate_47f907a8c0c2 (a b : Nat) (h1 : 1 < b) : a < a + b + 0 :=
by
  have h1 : 0 < b := Nat.lt_of_succ_lt h1
  have h : a < a + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_zero (a + b)] at h
  exact h
