import Init

/-
For all natural numbers d and b, if $0 < b$, then:

$$d ^ (2 · 1) < b + d ^ (2 · 1)$$
-/

theorem mutate_689db55955fa (d b : Nat) (h1 : 0 < b) : d ^ (2 * 1) < b + d ^ (2 * 1) :=
by
  have h : d ^ 2 < d ^ 2 + b := Nat.lt_add_of_pos_right h1
  rw [← Nat.mul_one 2] at h
  rw [← Nat.add_comm b (d ^ (2 * 1))] at h
  exact h
