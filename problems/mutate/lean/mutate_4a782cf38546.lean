import Init

/-
For all natural numbers a, b and c:

$$b + a + c = a + (c + b)$$
-/

theorem mutate_4a782cf38546 (a b c : Nat) : b + a + c = a + (c + b) :=
by
  have h : a + b + c = a + (b + c) := Nat.add_assoc a b c
  rw [Nat.add_comm a b] at h
  rw [← Nat.add_comm c b] at h
  exact h
