import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(((x + 1) & y) ⊕ z) + 2 · ((x + 1) & y & z) = ((x + 1) & y) + z$$
-/

theorem mba_4feeb5a36974 (x y z : BitVec 2) : (((x + 1) &&& y) ^^^ z) + 2 * ((x + 1) &&& y &&& z) = ((x + 1) &&& y) + z :=
by revert x y z; decide +kernel
