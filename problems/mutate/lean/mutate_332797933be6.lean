import Init

/-
For all natural numbers d, e and b (subtraction stops at 0), if $b ≤ d · e$, then:

$$(e · d − 1 · b) + 1 · b = e · d$$
-/

theorem mutate_332797933be6 (d e b : Nat) (h1 : b ≤ d * e) : (e * d - 1 * b) + 1 * b = e * d :=
by
  have h : (d * e - b) + b = d * e := Nat.sub_add_cancel h1
  rw [Nat.mul_comm d e] at h
  rw [← Nat.one_mul b] at h
  exact h
