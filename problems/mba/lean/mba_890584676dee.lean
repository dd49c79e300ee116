import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + 5 · y + z) − ((x + 5 · y) | z) = (x + 5 · y) & z$$
-/

theorem mba_890584676dee (x y z : BitVec 3) : (x + 5 * y + z) - ((x + 5 * y) ||| z) = (x + 5 * y) &&& z :=
by revert x y z; decide +kernel
