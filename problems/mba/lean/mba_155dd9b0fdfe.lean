import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ y) & ~z) | (~(x ⊕ y) & z) = (x − y) ⊕ z$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_155dd9b0fdfe (x y z : BitVec 2) : ((x ^^^ y) &&& ~~~z) ||| (~~~(x ^^^ y) &&& z) = (x - y) ^^^ z :=
by revert x y z; decide +kernel
