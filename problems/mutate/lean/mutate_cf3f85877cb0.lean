import Init

/-
For all natural numbers a and b, if $0 < b$, then:

$$a < b · 1 + a$$
-/

theorem mutate_cf3f85877cb0 (a b : Nat) (h1 : 0 < b) : a < b * 1 + a :=
by
  have h : a < a + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.mul_one b] at h
  rw [← Nat.add_comm (b * 1) a] at h
  exact h
