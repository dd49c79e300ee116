import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + (x + y)) − (z | x + y) = z & x + y$$
-/

theorem mba_f66ae53e7ab3 (x y z : BitVec 2) : (z + (x + y)) - (z ||| x + y) = z &&& x + y :=
by revert x y z; decide +kernel
