import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + ~(3 · y) + 1) | z = (x − 3 · y) | z$$
-/

theorem mba_8b3dc47e9918 (x y z : BitVec 3) : (x + ~~~(3 * y) + 1) ||| z = (x - 3 * y) ||| z :=
by revert x y z; decide +kernel
