import Init

/-
For all natural numbers a, b and c, if $a < b$ and $b < c$, then:

$$a · 1 ≤ c · 1$$
-/

theorem mutate_6aa1820204e9 (a b c : Nat) (h1 : a < b) (h2 : b < c) : a * 1 ≤ c * 1 :=
by
  have h1 : a ≤ b := Nat.le_of_lt h1
  have h2 : b ≤ c := Nat.le_of_lt h2
  have h : a ≤ c := Nat.le_trans h1 h2
  rw [← Nat.mul_one c] at h
  rw [← Nat.mul_one a] at h
  exact h
