import Init

/-
For all natural numbers a and b, if $0 < b$, then:

$$a < (a + b) · 1$$
-/

theorem mutate_62d10a013a43 (a b : Nat) (h1 : 0 < b) : a < (a + b) * 1 :=
by
  have h : a < a + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.mul_one (a + b)] at h
  exact h
