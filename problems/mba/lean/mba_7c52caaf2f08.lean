import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + 1 + y) ⊕ z) + 2 · ((x + 1 + y) & z) = ((x + 1) & y) + z$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_7c52caaf2f08 (x y z : BitVec 2) : ((x + 1 + y) ^^^ z) + 2 * ((x + 1 + y) &&& z) = ((x + 1) &&& y) + z :=
by revert x y z; decide +kernel
