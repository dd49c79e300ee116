/-! The sum $1 + 2 + \dots + n$ is $n(n+1)/2$: twice the sum is $n(n+1)$. -/

def sumTo : Nat → Nat
  | 0 => 0
  | n + 1 => (n + 1) + sumTo n

-- proofline: statement
theorem sumTo_formula (n : Nat) : 2 * sumTo n = n * (n + 1) := by
  sorry
