import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x − y) + ~(z ⊕ 2) + 1 = x − y − (z ⊕ 2)$$
-/

theorem mba_b852b5660188 (x y z : BitVec 3) : (x - y) + ~~~(z ^^^ 2) + 1 = x - y - (z ^^^ 2) :=
by revert x y z; decide +kernel
