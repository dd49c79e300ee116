import Init

/-
For all natural numbers d, b and c, if $2 · d < b$, then:

$$d · 2 + c ≤ b + c$$
-/

theorem mutate_8b4af4450882 (d b c : Nat) (h1 : 2 * d < b) : d * 2 + c ≤ b + c :=
by
  have h1 : 2 * d ≤ b := Nat.le_of_lt h1
  have h : 2 * d + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [Nat.mul_comm 2 d] at h
  exact h
