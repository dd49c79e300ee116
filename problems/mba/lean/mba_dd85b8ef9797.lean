import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z & ((x | (7 · y)) + (x & (7 · y))) = z & (x + 7 · y)$$
-/

theorem mba_dd85b8ef9797 (x y z : BitVec 3) : z &&& ((x ||| (7 * y)) + (x &&& (7 * y))) = z &&& (x + 7 * y) :=
by revert x y z; decide +kernel
