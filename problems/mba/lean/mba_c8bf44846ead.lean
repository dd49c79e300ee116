import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z − (x + 4 + ~y + 1) = z − ((x + 4) − y)$$
-/

theorem mba_c8bf44846ead (x y z : BitVec 3) : z - (x + 4 + ~~~y + 1) = z - ((x + 4) - y) :=
by revert x y z; decide +kernel
