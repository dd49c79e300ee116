import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z + ((x + y) − (x & y)) = z + (x | y)$$
-/

theorem mba_268b6f1eed6d (x y z : BitVec 3) : z + ((x + y) - (x &&& y)) = z + (x ||| y) :=
by revert x y z; decide +kernel
