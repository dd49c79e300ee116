import Init

/-
For all 3-bit words x, y (arithmetic modulo 2^3; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):

$$(x ⊕ 5 ⊕ y) + 2 · ((x ⊕ 5) & y) = (x ⊕ 5) + y$$
-/

theorem mba_4110cfb15bfd (x y : BitVec 3) : (x ^^^ 5 ^^^ y) + 2 * ((x ^^^ 5) &&& y) = (x ^^^ 5) + y :=
by revert x y; decide +kernel
