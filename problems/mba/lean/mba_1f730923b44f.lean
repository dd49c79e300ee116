import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z | (x ⊕ y)) − (z & (x ⊕ y)) = z + (x ⊕ y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_1f730923b44f (x y z : BitVec 3) : (z ||| (x ^^^ y)) - (z &&& (x ^^^ y)) = z + (x ^^^ y) :=
by revert x y z; decide +kernel
