import Init

/-
For all 2-bit words x, y, z (arithmetic modulo 2^2; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z ⊕ (((3 · x) & ~y) | ((~(3 · x) + y) − (~(3 · x) | y))) = z | ((3 · x) ⊕ y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_6b7da7f5721a (x y z : BitVec 2) : z ^^^ (((3 * x) &&& ~~~y) ||| ((~~~(3 * x) + y) - (~~~(3 * x) ||| y))) = z ||| ((3 * x) ^^^ y) :=
by revert x y z; decide +kernel
