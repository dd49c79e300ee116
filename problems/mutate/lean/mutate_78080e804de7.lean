import Init

/-
For all natural numbers a and d (subtraction stops at 0), if $d + d < a$, then:

$$(a − (d + d)) + (d + d) = a$$
-/

theorem mutate_78080e804de7 (a d : Nat) (h1 : d + d < a) : (a - (d + d)) + (d + d) = a :=
by
  have h1 : d + d ≤ a := Nat.le_of_lt h1
  have h : (a - (d + d)) + (d + d) = a := Nat.sub_add_cancel h1
  exact h
