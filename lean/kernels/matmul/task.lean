namespace Proofline.Tasks.Matmul
open Proofline.Kernel

/-- Entry `(i, j)` of `A · B`. -/
def dot {α} [Scalar α] (n k : Nat) (A B : Nat → α) (i j : Nat) : α :=
  sumRange (fun p => Scalar.mul (A (i * k + p)) (B (p * n + j))) k

/-- Tiles of 16 × 16 needed for an `m × n` result. -/
def tiles (m n : Nat) : Nat := (m + 15) / 16 * ((n + 15) / 16)

/-- Blocks of 256 threads, one per 16 × 16 tile of `C`: a tiled kernel computes a tile per block, a naive one
uses the first `m * n` threads. -/
def pre {α} (L : Launch α) : Prop := L.block = 256 ∧ tiles (L.sizes "m") (L.sizes "n") ≤ L.grid

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "C" (L.sizes "m" * L.sizes "n")
    (fun g => dot (L.sizes "n") (L.sizes "k") (L.input "A") (L.input "B") (g / L.sizes "n") (g % L.sizes "n"))

end Proofline.Tasks.Matmul
