import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ y) + ~(z + 1) + 1 = (x ⊕ y) − (z + 1)$$
-/

theorem mba_6fee3538c331 (x y z : BitVec 2) : (x ^^^ y) + ~~~(z + 1) + 1 = (x ^^^ y) - (z + 1) :=
by revert x y z; decide +kernel
