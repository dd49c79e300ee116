import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x + y) − (x & y) = x | y$$
-/

theorem mba_bb68db4be094 (x y : BitVec 4) : (x + y) - (x &&& y) = x ||| y :=
by revert x y; decide +kernel
