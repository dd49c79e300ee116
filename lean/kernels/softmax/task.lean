namespace Proofline.Tasks.Softmax
open Proofline.Kernel

/-- The largest element of row `r`: `max` folded over the row left to right, starting from its first element. -/
def rowMax {α} [Scalar α] (cols : Nat) (x : Nat → α) (r : Nat) : α :=
  forRange (fun k m => Scalar.max m (x (r * cols + k))) cols (x (r * cols))

/-- `exp (x[r][c] - m) / Σ_k exp (x[r][k] - m)` for element `g = r * cols + c`, with `m` the row's largest
element so that no `exp` overflows (KernelBench level 1, `torch.softmax(x, dim=1)`). -/
def softmax {α} [Scalar α] (cols : Nat) (x : Nat → α) (g : Nat) : α :=
  -- bound once, so that evaluating the spec as the oracle takes a pass per row, not one per element
  let m := rowMax cols x (g / cols)
  Scalar.div (Scalar.exp (Scalar.sub (x g) m)) (sumRange (fun k => Scalar.exp (Scalar.sub (x (g / cols * cols + k)) m)) cols)

/-- A block of 256 threads per row, rows of 1 to 256 elements. -/
def pre {α} (L : Launch α) : Prop :=
  L.block = 256 ∧ 0 < L.sizes "cols" ∧ L.sizes "cols" ≤ 256 ∧ L.sizes "rows" ≤ L.grid

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "rows" * L.sizes "cols") (softmax (L.sizes "cols") (L.input "x"))

end Proofline.Tasks.Softmax
