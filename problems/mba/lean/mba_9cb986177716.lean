import Init

/-
For all 3-bit words x, y, z (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$z & ((x ⊕ (7 · y)) + (x & (7 · y))) = z & (x + 7 · y)$$
-/

-- A false control: the statement is false, and the proof below must fail.
theorem mba_9cb986177716 (x y z : BitVec 3) : z &&& ((x ^^^ (7 * y)) + (x &&& (7 * y))) = z &&& (x + 7 * y) :=
by revert x y z; decide +kernel
