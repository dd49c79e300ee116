import Init

/-
For all natural numbers a and b, if $0 < b$, then:

$$a < b + a$$
-/

theorem mutate_9e8d52022c7a (a b : Nat) (h1 : 0 < b) : a < b + a :=
by
  have h : a < a + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_comm b a] at h
  exact h
