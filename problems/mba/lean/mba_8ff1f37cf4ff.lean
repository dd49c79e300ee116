import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ y) + 2 · (x & y) = x + y$$
-/

theorem mba_8ff1f37cf4ff (x y : BitVec 3) : (x ^^^ y) + 2 * (x &&& y) = x + y :=
by revert x y; decide +kernel
