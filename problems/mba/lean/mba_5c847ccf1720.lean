import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + 1 + (x + y)) − ((z + 1) | (x + y)) = (z + 1) & (x + y)$$
-/

theorem mba_5c847ccf1720 (x y z : BitVec 2) : (z + 1 + (x + y)) - ((z + 1) ||| (x + y)) = (z + 1) &&& (x + y) :=
by revert x y z; decide +kernel
