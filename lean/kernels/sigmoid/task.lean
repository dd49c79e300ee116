namespace Proofline.Tasks.Sigmoid
open Proofline.Kernel

/-- `1 / (1 + exp (-x))`, the logistic sigmoid, elementwise (KernelBench level 1, `torch.sigmoid`). -/
def sigmoid {α} [Scalar α] (x : Nat → α) (i : Nat) : α :=
  Scalar.div Scalar.one (Scalar.add Scalar.one (Scalar.exp (Scalar.neg (x i))))

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "n") (sigmoid (L.input "x"))

end Proofline.Tasks.Sigmoid
