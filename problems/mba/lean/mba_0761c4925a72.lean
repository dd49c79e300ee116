import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z ⊕ ((x | y) + (x & y)) = z ⊕ (x + y)$$
-/

theorem mba_0761c4925a72 (x y z : BitVec 3) : z ^^^ ((x ||| y) + (x &&& y)) = z ^^^ (x + y) :=
by revert x y z; decide +kernel
