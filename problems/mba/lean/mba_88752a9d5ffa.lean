import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + y) − (x & y)) & z = (x | y) & z$$
-/

theorem mba_88752a9d5ffa (x y z : BitVec 2) : ((x + y) - (x &&& y)) &&& z = (x ||| y) &&& z :=
by revert x y z; decide +kernel
