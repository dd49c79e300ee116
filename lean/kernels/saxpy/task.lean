namespace Proofline.Tasks.Saxpy
open Proofline.Kernel

def saxpy {α} [Scalar α] (a : α) (x y : Nat → α) (i : Nat) : α := Scalar.add (Scalar.mul a (x i)) (y i)

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "n") (saxpy (L.params "a") (L.input "x") (L.input "y"))

end Proofline.Tasks.Saxpy
