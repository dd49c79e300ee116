import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + (y + 8)) − (x & (y + 8)) = x | (y + 8)$$
-/

theorem mba_bec11633d1aa (x y : BitVec 4) : (x + (y + 8)) - (x &&& (y + 8)) = x ||| (y + 8) :=
by revert x y; decide +kernel
