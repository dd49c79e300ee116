import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + ((x ⊕ 3) − y)) − (z & ((x ⊕ 3) − y)) = z | ((x ⊕ 3) + y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_06916ca9ab23 (x y z : BitVec 2) : (z + ((x ^^^ 3) - y)) - (z &&& ((x ^^^ 3) - y)) = z ||| ((x ^^^ 3) + y) :=
by revert x y z; decide +kernel
