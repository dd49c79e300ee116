import Init

/-
For all natural numbers a, b and c:

$$a + b + c = b + (c + a)$$
-/

theorem mutate_0170a43d2d5e (a b c : Nat) : a + b + c = b + (c + a) :=
by
  have h : a + b + c = a + (b + c) := Nat.add_assoc a b c
  rw [Nat.add_comm a (b + c)] at h
  rw [Nat.add_assoc b c a] at h
  exact h
