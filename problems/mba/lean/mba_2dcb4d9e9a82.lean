import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ 12) | y) + ((x ⊕ 12) & y) = (x ⊕ 12) + y$$
-/

theorem mba_2dcb4d9e9a82 (x y : BitVec 4) : ((x ^^^ 12) ||| y) + ((x ^^^ 12) &&& y) = (x ^^^ 12) + y :=
by revert x y; decide +kernel
