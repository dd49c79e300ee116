import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z ⊕ 5) | ((x + y) − (x & y)) = (z ⊕ 5) | (x | y)$$
-/

theorem mba_c91d393b6ad9 (x y z : BitVec 3) : (z ^^^ 5) ||| ((x + y) - (x &&& y)) = (z ^^^ 5) ||| (x ||| y) :=
by revert x y z; decide +kernel
