import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x | y | (z ⊕ 6)) + ((x | y) & (z ⊕ 6)) = (x | y) + (z ⊕ 5)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_8985c1137836 (x y z : BitVec 3) : (x ||| y ||| (z ^^^ 6)) + ((x ||| y) &&& (z ^^^ 6)) = (x ||| y) + (z ^^^ 5) :=
by revert x y z; decide +kernel
