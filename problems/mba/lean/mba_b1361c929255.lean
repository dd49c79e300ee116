import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((3 · x) ⊕ y) + (2 | ((3 · x) & y)) = 3 · x + y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_b1361c929255 (x y : BitVec 3) : ((3 * x) ^^^ y) + (2 ||| ((3 * x) &&& y)) = 3 * x + y :=
by revert x y; decide +kernel
