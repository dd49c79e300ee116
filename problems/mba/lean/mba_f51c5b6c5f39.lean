import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$x + ~y + 1 = x − y$$
-/

theorem mba_f51c5b6c5f39 (x y : BitVec 4) : x + ~~~y + 1 = x - y :=
by revert x y; decide +kernel
