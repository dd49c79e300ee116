namespace Proofline.Tasks.LayerNorm
open Proofline.Kernel

/-- `cols` as a scalar, `1 + 1 + … + 1` from zero (exact in `f32` up to 2^24): scalars have no other
constants than 0 and 1. -/
def count {α} [Scalar α] (cols : Nat) : α := sumRange (fun _ => Scalar.one) cols

/-- The mean of row `r`, summed left to right. -/
def rowMean {α} [Scalar α] (cols : Nat) (x : Nat → α) (r : Nat) : α :=
  Scalar.div (sumRange (fun k => x (r * cols + k)) cols) (count cols)

/-- The (biased) variance of row `r`: the mean of the squared deviations from `rowMean`. -/
def rowVar {α} [Scalar α] (cols : Nat) (x : Nat → α) (r : Nat) : α :=
  -- bound once, so that evaluating the spec as the oracle takes a pass per row, not one per element
  let μ := rowMean cols x r
  Scalar.div (sumRange (fun k => Scalar.mul (Scalar.sub (x (r * cols + k)) μ) (Scalar.sub (x (r * cols + k)) μ)) cols)
    (count cols)

/-- `(x[r][c] - mean) / sqrt var` for element `g = r * cols + c` (KernelBench level 1, `nn.LayerNorm` over
the last dimension with the initial weight 1 and bias 0, and `eps` 0: the language has no constant for it). -/
def layerNorm {α} [Scalar α] (cols : Nat) (x : Nat → α) (g : Nat) : α :=
  Scalar.div (Scalar.sub (x g) (rowMean cols x (g / cols))) (Scalar.sqrt (rowVar cols x (g / cols)))

/-- A block of 256 threads per row, rows of 1 to 256 elements. -/
def pre {α} (L : Launch α) : Prop :=
  L.block = 256 ∧ 0 < L.sizes "cols" ∧ L.sizes "cols" ≤ 256 ∧ L.sizes "rows" ≤ L.grid

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "rows" * L.sizes "cols") (layerNorm (L.sizes "cols") (L.input "x"))

end Proofline.Tasks.LayerNorm
