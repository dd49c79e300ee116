import Init

/-
For all natural numbers a, d and e, if $0 < d + e$, then:

$$a < d + e + a$$
-/

theorem mutate_cc30495a2daa (a d e : Nat) (h1 : 0 < d + e) : a < d + e + a :=
by
  have h : a < a + (d + e) := Nat.lt_add_of_pos_right h1
  rw [← Nat.add_comm (d + e) a] at h
  exact h
