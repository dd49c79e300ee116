import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ 6) & ~y) | (~(x ⊕ 6) & y) = x ⊕ 6 ⊕ y$$
-/

theorem mba_13d6c06f6a90 (x y : BitVec 4) : ((x ^^^ 6) &&& ~~~y) ||| (~~~(x ^^^ 6) &&& y) = x ^^^ 6 ^^^ y :=
by revert x y; decide +kernel
