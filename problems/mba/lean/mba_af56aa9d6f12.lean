import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z | ((x | y) − (x & y)) = z | (x ⊕ y)$$
-/

theorem mba_af56aa9d6f12 (x y z : BitVec 2) : z ||| ((x ||| y) - (x &&& y)) = z ||| (x ^^^ y) :=
by revert x y z; decide +kernel
