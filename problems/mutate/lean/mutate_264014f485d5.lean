import Init

/-
For all natural numbers a, d and c:

$$a · (2 · d + c) = a · (2 · d) + c · a$$
-/

theorem mutate_264014f485d5 (a d c : Nat) : a * (2 * d + c) = a * (2 * d) + c * a :=
by
  have h : a * (2 * d + c) = a * (2 * d) + a * c := Nat.left_distrib a (2 * d) c
  rw [Nat.mul_comm a c] at h
  exact h
