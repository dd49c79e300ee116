import Init

/-
For all natural numbers d, e, b and c:

$$(b + c) · (d + e) = ((d + e) · b + (d + e) · c) · 1$$
-/

theorem mutate_143332669172 (d e b c : Nat) : (b + c) * (d + e) = ((d + e) * b + (d + e) * c) * 1 :=
by
  have h : (d + e) * (b + c) = (d + e) * b + (d + e) * c := Nat.left_distrib (d + e) b c
  rw [← Nat.mul_one ((d + e) * b + (d + e) * c)] at h
  rw [Nat.mul_comm (d + e) (b + c)] at h
  exact h
