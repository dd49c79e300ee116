import Init

/-
For all natural numbers a and b (subtraction stops at 0), if $b ≤ a$, then:

$$((a + 0) − b) + b = a + 0$$
-/

theorem mutate_94eeb3eaf60f (a b : Nat) (h1 : b ≤ a) : ((a + 0) - b) + b = a + 0 :=
by
  have h : (a - b) + b = a := Nat.sub_add_cancel h1
  rw [← Nat.add_zero a] at h
  exact h
