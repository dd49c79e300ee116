import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + ~y + 1) ⊕ z = (x − y) ⊕ z$$
-/

theorem mba_a5530c7e966d (x y z : BitVec 2) : (x + ~~~y + 1) ^^^ z = (x - y) ^^^ z :=
by revert x y z; decide +kernel
