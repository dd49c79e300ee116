import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ 8 | y) + ((x ⊕ 8) & y) = (x ⊕ 8) + y$$
-/

theorem mba_a94ef3a9d7e8 (x y : BitVec 4) : (x ^^^ 8 ||| y) + ((x ^^^ 8) &&& y) = (x ^^^ 8) + y :=
by revert x y; decide +kernel
