import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + (x & y)) − (z | (x & y)) = z & (x & y)$$
-/

theorem mba_c19f9e3fa5cb (x y z : BitVec 2) : (z + (x &&& y)) - (z ||| (x &&& y)) = z &&& (x &&& y) :=
by revert x y z; decide +kernel
