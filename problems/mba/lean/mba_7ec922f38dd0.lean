import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + (y ⊕ 3)) − (x & (y ⊕ 3)) = x | (y ⊕ 2)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_7ec922f38dd0 (x y : BitVec 4) : (x + (y ^^^ 3)) - (x &&& (y ^^^ 3)) = x ||| (y ^^^ 2) :=
by revert x y; decide +kernel
