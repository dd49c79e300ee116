import Init

/-
For all natural numbers a, d and e (subtraction stops at 0), if $d + e ≤ a$, then:

$$(a − (e + d)) + (e + d) = a$$
-/

theorem mutate_ab3cf43daa46 (a d e : Nat) (h1 : d + e ≤ a) : (a - (e + d)) + (e + d) = a :=
by
  have h : (a - (d + e)) + (d + e) = a := Nat.sub_add_cancel h1
  rw [← Nat.add_comm e d] at h
  exact h
