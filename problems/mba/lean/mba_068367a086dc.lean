import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + 4) & ~y) | (~(x + 4) & y) = (x + 4) ⊕ y$$
-/

theorem mba_068367a086dc (x y : BitVec 3) : ((x + 4) &&& ~~~y) ||| (~~~(x + 4) &&& y) = (x + 4) ^^^ y :=
by revert x y; decide +kernel
