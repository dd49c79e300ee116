import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + 4) & ((x & ~y) | (~x & y)) = (z + 4) & (x ⊕ y)$$
-/

theorem mba_aa4e1bd131ad (x y z : BitVec 3) : (z + 4) &&& ((x &&& ~~~y) ||| (~~~x &&& y)) = (z + 4) &&& (x ^^^ y) :=
by revert x y z; decide +kernel
