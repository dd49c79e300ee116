import Init

/-
For all natural numbers a and d (subtraction stops at 0), if $2 · d < a$, then:

$$(a − 1 · d · 2) + 1 · d · 2 = a$$
-/

theorem mutate_b460d1a6edd6 (a d : Nat) (h1 : 2 * d < a) : (a - 1 * d * 2) + 1 * d * 2 = a :=
by
  have h1 : 2 * d ≤ a := Nat.le_of_lt h1
  have h : (a - 2 * d) + 2 * d = a := Nat.sub_add_cancel h1
  rw [Nat.mul_comm 2 d] at h
  rw [← Nat.one_mul d] at h
  exact h
