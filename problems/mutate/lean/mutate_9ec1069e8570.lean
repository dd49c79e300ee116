import Init

/-
For all natural numbers a and d (subtraction stops at 0), if $d + d ≤ a$, then:

$$2 · d + (a − 2 · d) = a$$
-/

theorem mutate_9ec1069e8570 (a d : Nat) (h1 : d + d ≤ a) : 2 * d + (a - 2 * d) = a :=
by
  have h : (a - (d + d)) + (d + d) = a := Nat.sub_add_cancel h1
  rw [Nat.add_comm (a - (d + d)) (d + d)] at h
  rw [← Nat.two_mul d] at h
  exact h
