import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + (y ⊕ 2)) − (x & (y ⊕ 2)) = x | (y ⊕ 2)$$
-/

theorem mba_65c31011fb73 (x y : BitVec 4) : (x + (y ^^^ 2)) - (x &&& (y ^^^ 2)) = x ||| (y ^^^ 2) :=
by revert x y; decide +kernel
