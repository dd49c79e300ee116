module

import Std

/-!
# Problem 2: count the evens

## Implementation
-/

def countEvens : List Nat → Nat
  | [] => 0
  | x :: xs => (if x % 2 = 0 then 1 else 0) + countEvens xs

/-!
## Tests
-/

example : countEvens [1, 2, 3, 4] = 2 := by decide

/-!
## Verification
-/

theorem countEvens_le_length (xs : List Nat) : countEvens xs ≤ xs.length := by
  induction xs with
  | nil => simp [countEvens]
  | cons x xs ih =>
    simp only [countEvens, List.length_cons]
    split <;> omega

theorem countEvens_append (xs ys : List Nat) :
    countEvens (xs ++ ys) = countEvens xs + countEvens ys := by
  sorry
