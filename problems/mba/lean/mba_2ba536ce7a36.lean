import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z | (((3 · x) & ~y) | ((~(3 · x) + y) − (~(3 · x) | y))) = z | ((3 · x) ⊕ y)$$
-/

theorem mba_2ba536ce7a36 (x y z : BitVec 2) : z ||| (((3 * x) &&& ~~~y) ||| ((~~~(3 * x) + y) - (~~~(3 * x) ||| y))) = z ||| ((3 * x) ^^^ y) :=
by revert x y z; decide +kernel
