import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z ⊕ (x | y)) + 2 · (z & (x | y)) = z + (x | y)$$
-/

theorem mba_b8828178811c (x y z : BitVec 2) : (z ^^^ (x ||| y)) + 2 * (z &&& (x ||| y)) = z + (x ||| y) :=
by revert x y z; decide +kernel
