import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ 5) + y) − ((x ⊕ 5) & y) = (x ⊕ 5) | y$$
-/

theorem mba_620c00be9b6b (x y : BitVec 3) : ((x ^^^ 5) + y) - ((x ^^^ 5) &&& y) = (x ^^^ 5) ||| y :=
by revert x y; decide +kernel
