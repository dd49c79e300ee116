import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z & ((x | (y + 2)) − (x & (y + 2))) = z & (x ⊕ (y + 2))$$
-/

theorem mba_77b95246bf60 (x y z : BitVec 2) : z &&& ((x ||| (y + 2)) - (x &&& (y + 2))) = z &&& (x ^^^ (y + 2)) :=
by revert x y z; decide +kernel
