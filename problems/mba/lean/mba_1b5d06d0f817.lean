import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x & ~y) | (~x & y) = x ⊕ y$$
-/

theorem mba_1b5d06d0f817 (x y : BitVec 3) : (x &&& ~~~y) ||| (~~~x &&& y) = x ^^^ y :=
by revert x y; decide +kernel
