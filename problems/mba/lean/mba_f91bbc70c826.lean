import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + 7 · y) − (x & (7 · y))) + z = (x | (7 · y)) + z$$
-/

theorem mba_f91bbc70c826 (x y z : BitVec 3) : ((x + 7 * y) - (x &&& (7 * y))) + z = (x ||| (7 * y)) + z :=
by revert x y z; decide +kernel
