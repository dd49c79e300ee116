import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + (y + 8)) − (x + (y + 8)) = x | (y + 8)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_4350decbaedb (x y : BitVec 4) : (x + (y + 8)) - (x + (y + 8)) = x ||| (y + 8) :=
by revert x y; decide +kernel
