import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$((x + 4) & ~y) | (~(x + 4) ⊕ y) = (x + 4) ⊕ y$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_78cb3e0339cb (x y : BitVec 3) : ((x + 4) &&& ~~~y) ||| (~~~(x + 4) ^^^ y) = (x + 4) ^^^ y :=
by revert x y; decide +kernel
