import Init

/-! A small challenge: its definitions and a proved lemma are the context; the three theorems whose proof
is `sorry` are the problems. -/

def double (n : Nat) : Nat := n + n

inductive Color where
  | red
  | green

def Color.flip : Color → Color
  | .red => .green
  | .green => .red

theorem double_zero : double 0 = 0 := rfl

namespace Challenge

/-- Doubling is multiplying by two. -/
theorem double_eq (n : Nat) : double n = 2 * n := by
  sorry

theorem flip_flip (c : Color) : c.flip.flip = c := by sorry

theorem double_add (a b : Nat) : double (a + b) = double a + double b := sorry

end Challenge
