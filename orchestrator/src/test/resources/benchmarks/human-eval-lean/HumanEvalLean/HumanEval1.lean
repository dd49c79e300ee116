module

/-!
# Problem 1: the larger of two numbers

## Implementation
-/

def larger (a b : Nat) : Nat := if a ≤ b then b else a

/-!
## Tests
-/

example : larger 3 5 = 5 := by decide
example : larger 7 2 = 7 := by decide

/-!
## Verification
-/

theorem le_larger_left (a b : Nat) : a ≤ larger a b := by
  unfold larger
  split <;> omega

theorem le_larger_right (a b : Nat) : b ≤ larger a b := by
  unfold larger
  split <;> omega

theorem larger_comm? (a b : Nat) : larger a b = larger b a := by
  unfold larger
  split <;> split <;> omega

/-!
## Prompt

```python3
def larger(a: int, b: int) -> int:
    """Return the larger of a and b."""
```
-/
