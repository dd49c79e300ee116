import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ y) + 2 · (x ⊕ y) = x + y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_251c71080ab0 (x y : BitVec 3) : (x ^^^ y) + 2 * (x ^^^ y) = x + y :=
by revert x y; decide +kernel
