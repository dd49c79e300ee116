import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + ((x ⊕ 3) + y)) − (z & ((x ⊕ 3) + y)) = z | ((x ⊕ 3) + y)$$
-/

theorem mba_27a95f2f381d (x y z : BitVec 2) : (z + ((x ^^^ 3) + y)) - (z &&& ((x ^^^ 3) + y)) = z ||| ((x ^^^ 3) + y) :=
by revert x y z; decide +kernel
