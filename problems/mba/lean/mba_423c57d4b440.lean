import Init

/-
For all 4-bit words x, y (arithmetic modulo 2^4; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x ⊕ 12) | y) + ((x ⊕ 12) − y) = (x ⊕ 12) + y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_423c57d4b440 (x y : BitVec 4) : ((x ^^^ 12) ||| y) + ((x ^^^ 12) - y) = (x ^^^ 12) + y :=
by revert x y; decide +kernel
