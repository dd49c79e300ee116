namespace Proofline.Tasks.VecAdd
open Proofline.Kernel

def vecAdd {α} [Scalar α] (a b : Nat → α) (i : Nat) : α := Scalar.add (a i) (b i)

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "c" (L.sizes "n") (vecAdd (L.input "a") (L.input "b"))

end Proofline.Tasks.VecAdd
