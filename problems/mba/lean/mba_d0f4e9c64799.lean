import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ 8) | y) + ((x ⊕ 8) & y) = (x ⊕ 8) + y$$
-/

theorem mba_d0f4e9c64799 (x y : BitVec 4) : ((x ^^^ 8) ||| y) + ((x ^^^ 8) &&& y) = (x ^^^ 8) + y :=
by revert x y; decide +kernel
