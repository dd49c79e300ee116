import Init

/-
For all natural numbers a, d and e, if $0 < d · e$, then:

$$a < d · e + a$$
-/

theorem mutate_57f29f310d23 (a d e : Nat) (h1 : 0 < d * e) : a < d * e + a :=
by
  have h : a < a + d * e := Nat.lt_add_of_pos_right h1
  rw [Nat.add_comm a (d * e)] at h
  exact h
