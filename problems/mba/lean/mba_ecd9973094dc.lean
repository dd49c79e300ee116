import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ y) & (2 · (x & y)) = x + y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_ecd9973094dc (x y : BitVec 4) : (x ^^^ y) &&& (2 * (x &&& y)) = x + y :=
by revert x y; decide +kernel
