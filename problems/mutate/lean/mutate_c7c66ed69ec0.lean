import Init

/-
For all natural numbers a, d and c:

$$a · (d + 1) · (c · 1) = a · (d · (c · 1) + 1 · (c · 1))$$
-/

theorem mutate_c7c66ed69ec0 (a d c : Nat) : a * (d + 1) * (c * 1) = a * (d * (c * 1) + 1 * (c * 1)) :=
by
  have h : a * (d + 1) * c = a * ((d + 1) * c) := Nat.mul_assoc a (d + 1) c
  rw [Nat.right_distrib d 1 c] at h
  rw [← Nat.mul_one c] at h
  exact h
