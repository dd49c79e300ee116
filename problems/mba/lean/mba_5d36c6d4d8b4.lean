import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z ⊕ (((x + 1) | y) − ((x + 1) & y)) = z ⊕ ((x + 1) ⊕ y)$$
-/

theorem mba_5d36c6d4d8b4 (x y z : BitVec 2) : z ^^^ (((x + 1) ||| y) - ((x + 1) &&& y)) = z ^^^ ((x + 1) ^^^ y) :=
by revert x y z; decide +kernel
