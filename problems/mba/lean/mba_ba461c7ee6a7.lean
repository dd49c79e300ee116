import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z − (x + 5 + ~y + 1) = z − ((x + 4) − y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_ba461c7ee6a7 (x y z : BitVec 3) : z - (x + 5 + ~~~y + 1) = z - ((x + 4) - y) :=
by revert x y z; decide +kernel
