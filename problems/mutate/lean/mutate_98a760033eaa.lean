import Init

/-
For all natural numbers a, b and c:

$$(c + b) · a = a · b + a · c$$
-/

theorem mutate_98a760033eaa (a b c : Nat) : (c + b) * a = a * b + a * c :=
by
  have h : a * (b + c) = a * b + a * c := Nat.left_distrib a b c
  rw [Nat.mul_comm a (b + c)] at h
  rw [← Nat.add_comm c b] at h
  exact h
