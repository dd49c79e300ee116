import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x & ~(y ⊕ 1)) | (~x & (y ⊕ 1)) = x ⊕ (y ⊕ 1)$$
-/

theorem mba_743a82890296 (x y : BitVec 3) : (x &&& ~~~(y ^^^ 1)) ||| (~~~x &&& (y ^^^ 1)) = x ^^^ (y ^^^ 1) :=
by revert x y; decide +kernel
