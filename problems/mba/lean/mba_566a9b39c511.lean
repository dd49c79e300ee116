import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x − y) & ~z) | (~(x − y) & z) = (x − y) ⊕ z$$
-/

theorem mba_566a9b39c511 (x y z : BitVec 2) : ((x - y) &&& ~~~z) ||| (~~~(x - y) &&& z) = (x - y) ^^^ z :=
by revert x y z; decide +kernel
