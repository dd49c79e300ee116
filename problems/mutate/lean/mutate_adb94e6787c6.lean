import Init

/-
For all natural numbers a, d and c, if $a ≤ d ^ 2$ and $d ^ 2 = c$, then:

$$a + 0 ≤ c$$
-/

theorem mutate_adb94e6787c6 (a d c : Nat) (h1 : a ≤ d ^ 2) (h2 : d ^ 2 = c) : a + 0 ≤ c :=
by
  have h2 : d ^ 2 ≤ c := Nat.le_of_eq h2
  have h : a ≤ c := Nat.le_trans h1 h2
  rw [← Nat.add_zero a] at h
  exact h
