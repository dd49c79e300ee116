import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ (y ⊕ 13)) + (x & (y ⊕ 13)) = x | (y ⊕ 13)$$
-/

theorem mba_519c4f028827 (x y : BitVec 4) : (x ^^^ (y ^^^ 13)) + (x &&& (y ^^^ 13)) = x ||| (y ^^^ 13) :=
by revert x y; decide +kernel
