import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z − ((x + (y + 2)) − (x + (y + 2))) = z − (x & (y + 2))$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_db48e3f4bcb7 (x y z : BitVec 2) : z - ((x + (y + 2)) - (x + (y + 2))) = z - (x &&& (y + 2)) :=
by revert x y z; decide +kernel
