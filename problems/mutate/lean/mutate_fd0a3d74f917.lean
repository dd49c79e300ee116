import Init

/-
For all natural numbers a, d, e and c, if $a = d · e$ and $d · e ≤ c$, then:

$$a ≤ c$$
-/

theorem mutate_fd0a3d74f917 (a d e c : Nat) (h1 : a = d * e) (h2 : d * e ≤ c) : a ≤ c :=
by
  have h1 : a ≤ d * e := Nat.le_of_eq h1
  have h : a ≤ c := Nat.le_trans h1 h2
  exact h
