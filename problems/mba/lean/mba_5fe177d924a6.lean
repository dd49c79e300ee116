import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x & ~(3 · y)) | (~x & (3 · y)) = x ⊕ (3 · y)$$
-/

theorem mba_5fe177d924a6 (x y : BitVec 4) : (x &&& ~~~(3 * y)) ||| (~~~x &&& (3 * y)) = x ^^^ (3 * y) :=
by revert x y; decide +kernel
