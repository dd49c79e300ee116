namespace Proofline.Tasks.RowSum
open Proofline.Kernel

def rowSum {α} [Scalar α] (cols : Nat) (x : Nat → α) (r : Nat) : α :=
  sumRange (fun k => x (r * cols + k)) cols

def pre {α} (L : Launch α) : Prop := L.sizes "rows" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "rows") (rowSum (L.sizes "cols") (L.input "x"))

end Proofline.Tasks.RowSum
