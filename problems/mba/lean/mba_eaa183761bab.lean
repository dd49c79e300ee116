import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ 3) + ~y + 1 = (x ⊕ 3) − y$$
-/

theorem mba_eaa183761bab (x y : BitVec 4) : (x ^^^ 3) + ~~~y + 1 = (x ^^^ 3) - y :=
by revert x y; decide +kernel
