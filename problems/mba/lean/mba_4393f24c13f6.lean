import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$x + (y + 3) + (x & (y + 3)) = x | (y + 3)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_4393f24c13f6 (x y : BitVec 3) : x + (y + 3) + (x &&& (y + 3)) = x ||| (y + 3) :=
by revert x y; decide +kernel
