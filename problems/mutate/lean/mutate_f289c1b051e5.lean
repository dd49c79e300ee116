import Init

/-
For all natural numbers d and b:

$$d + d + b · 1 = b · 1 + (d + d)$$
-/

theorem mutate_f289c1b051e5 (d b : Nat) : d + d + b * 1 = b * 1 + (d + d) :=
by
  have h : d + d + b = b + (d + d) := Nat.add_comm (d + d) b
  rw [← Nat.mul_one b] at h
  exact h
