namespace Proofline.Tasks.Relu
open Proofline.Kernel

def relu {α} [Scalar α] (x : Nat → α) (i : Nat) : α := Scalar.max (x i) Scalar.zero

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "n") (relu (L.input "x"))

end Proofline.Tasks.Relu
