import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + (y + 3)) − (x & (y + 3)) = x | (y + 3)$$
-/

theorem mba_bccbb0f0d121 (x y : BitVec 3) : (x + (y + 3)) - (x &&& (y + 3)) = x ||| (y + 3) :=
by revert x y; decide +kernel
