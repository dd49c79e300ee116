import Init

/-
For all natural numbers d, b and c, if $2 · d < b$, then:

$$d · 2 + c ≤ c + b$$
-/

theorem mutate_241a365f8278 (d b c : Nat) (h1 : 2 * d < b) : d * 2 + c ≤ c + b :=
by
  have h1 : 2 * d ≤ b := Nat.le_of_lt h1
  have h : 2 * d + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.mul_comm d 2] at h
  rw [Nat.add_comm b c] at h
  exact h
