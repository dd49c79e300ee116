import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + 9 · y) − (x | (9 · y)) = x & (9 · y)$$
-/

theorem mba_78583fdc413f (x y : BitVec 4) : (x + 9 * y) - (x ||| (9 * y)) = x &&& (9 * y) :=
by revert x y; decide +kernel
