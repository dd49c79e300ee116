import Init
/-! Addition of natural numbers is commutative. -/

-- proofline: statement
theorem add_comm' (a b : Nat) : a + b = b + a := sorry
