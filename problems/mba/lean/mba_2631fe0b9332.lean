import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ (7 · y)) + (x & (7 · y)) = x | (7 · y)$$
-/

theorem mba_2631fe0b9332 (x y : BitVec 3) : (x ^^^ (7 * y)) + (x &&& (7 * y)) = x ||| (7 * y) :=
by revert x y; decide +kernel
