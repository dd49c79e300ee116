import Init

/-
For all natural numbers d, e and b (subtraction stops at 0):

$$(e + d + b) − b = e + d$$
-/

theorem mutate_8fc53ed3baab (d e b : Nat) : (e + d + b) - b = e + d :=
by
  have h : (d + e + b) - b = d + e := Nat.add_sub_cancel (d + e) b
  rw [Nat.add_comm d e] at h
  exact h
