namespace Proofline.Tasks.Matmul
open Proofline.Kernel

/-- Entry `(i, j)` of `A · B`. -/
def dot {α} [Scalar α] (n k : Nat) (A B : Nat → α) (i j : Nat) : α :=
  sumRange (fun p => Scalar.mul (A (i * k + p)) (B (p * n + j))) k

def pre {α} (L : Launch α) : Prop := L.sizes "m" * L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "C" (L.sizes "m" * L.sizes "n")
    (fun g => dot (L.sizes "n") (L.sizes "k") (L.input "A") (L.input "B") (g / L.sizes "n") (g % L.sizes "n"))

end Proofline.Tasks.Matmul
