import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ (y − 13)) + (x & (y − 13)) = x | (y ⊕ 13)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_3d6660d3dceb (x y : BitVec 4) : (x ^^^ (y - 13)) + (x &&& (y - 13)) = x ||| (y ^^^ 13) :=
by revert x y; decide +kernel
