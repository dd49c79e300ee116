import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z | ((x + (y ⊕ 3)) − (x & (y ⊕ 3))) = z | (x | (y ⊕ 3))$$
-/

theorem mba_59a08ce19248 (x y z : BitVec 3) : z ||| ((x + (y ^^^ 3)) - (x &&& (y ^^^ 3))) = z ||| (x ||| (y ^^^ 3)) :=
by revert x y z; decide +kernel
