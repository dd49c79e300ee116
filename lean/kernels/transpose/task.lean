namespace Proofline.Tasks.Transpose
open Proofline.Kernel

/-- Tiles of 16 × 16 needed for a `rows × cols` matrix. -/
def tiles (rows cols : Nat) : Nat := (rows + 15) / 16 * ((cols + 15) / 16)

/-- Element `g` of the transpose (`cols × rows`, row-major) of `x` (`rows × cols`, row-major):
`out[j][i] = x[i][j]` with `j = g / rows`, `i = g % rows` (KernelBench level 1, `x.t()`). -/
def transposed {α} (rows cols : Nat) (x : Nat → α) (g : Nat) : α := x (g % rows * cols + g / rows)

/-- Blocks of 256 threads, one per 16 × 16 tile: a tiled kernel stages a tile in shared memory, a naive one
uses the first `rows * cols` threads. -/
def pre {α} (L : Launch α) : Prop := L.block = 256 ∧ tiles (L.sizes "rows") (L.sizes "cols") ≤ L.grid

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "rows" * L.sizes "cols") (transposed (L.sizes "rows") (L.sizes "cols") (L.input "x"))

end Proofline.Tasks.Transpose
