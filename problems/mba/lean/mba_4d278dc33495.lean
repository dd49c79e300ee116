import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x − y − (x & y)) + z = (x | y) + z$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_4d278dc33495 (x y z : BitVec 3) : (x - y - (x &&& y)) + z = (x ||| y) + z :=
by revert x y z; decide +kernel
