import Init

/-
For all natural numbers d, b and c, if $d ^ 2 ≤ b$, then:

$$d ^ 2 + 1 · c ≤ b + 1 · c$$
-/

theorem mutate_2ff4b15aecec (d b c : Nat) (h1 : d ^ 2 ≤ b) : d ^ 2 + 1 * c ≤ b + 1 * c :=
by
  have h : d ^ 2 + c ≤ b + c := Nat.add_le_add_right h1 c
  rw [← Nat.mul_one c] at h
  rw [← Nat.mul_comm 1 c] at h
  exact h
