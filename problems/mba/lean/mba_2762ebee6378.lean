import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(15 · x + y) − ((15 · x) & y) = (15 · x) | y$$
-/

theorem mba_2762ebee6378 (x y : BitVec 4) : (15 * x + y) - ((15 * x) &&& y) = (15 * x) ||| y :=
by revert x y; decide +kernel
