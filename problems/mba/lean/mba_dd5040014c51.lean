import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(z + (x | y)) − (z | (x | y)) = z & (x + y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_dd5040014c51 (x y z : BitVec 2) : (z + (x ||| y)) - (z ||| (x ||| y)) = z &&& (x + y) :=
by revert x y z; decide +kernel
