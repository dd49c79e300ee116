import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + 1) & ~y) | (~(x + 1) & y) = (x + 1) ⊕ y$$
-/

theorem mba_a4f5a6a412ff (x y : BitVec 3) : ((x + 1) &&& ~~~y) ||| (~~~(x + 1) &&& y) = (x + 1) ^^^ y :=
by revert x y; decide +kernel
