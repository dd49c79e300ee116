import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x | y | (z ⊕ 5)) + ((x | y) & (z ⊕ 5)) = (x | y) + (z ⊕ 5)$$
-/

theorem mba_d97f2e0bc650 (x y z : BitVec 3) : (x ||| y ||| (z ^^^ 5)) + ((x ||| y) &&& (z ^^^ 5)) = (x ||| y) + (z ^^^ 5) :=
by revert x y z; decide +kernel
