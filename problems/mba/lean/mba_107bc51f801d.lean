import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x | 8 | y) + ((x | 8) & y) = (x ⊕ 8) + y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_107bc51f801d (x y : BitVec 4) : (x ||| 8 ||| y) + ((x ||| 8) &&& y) = (x ^^^ 8) + y :=
by revert x y; decide +kernel
