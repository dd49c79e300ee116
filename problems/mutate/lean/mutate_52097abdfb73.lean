import Init

/-
For all natural numbers d and e:

$$(d · e) ^ 2 = d · (e · (d · e))$$
-/

theorem mutate_52097abdfb73 (d e : Nat) : (d * e) ^ 2 = d * (e * (d * e)) :=
by
  have h : (d * e) ^ 2 = d * e * (d * e) := Nat.pow_two (d * e)
  rw [Nat.mul_assoc d e (d * e)] at h
  exact h
