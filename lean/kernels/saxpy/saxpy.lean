namespace Proofline.Kernels.Saxpy
open Proofline.Kernel

/-- `out[g] = a * x[g] + y[g]`, one thread per element (compiled without FMA contraction). -/
def kernel : Kernel where
  name := "saxpy"
  sizes := ["n"]
  params := ["a"]
  inputs := [("x", .size "n"), ("y", .size "n")]
  outputs := [("out", .size "n")]
  shared := []
  work := .size "n"
  phases := [.ite (.lt .gid (.size "n"))
    (.store "out" .gid (.add (.mul (.param "a") (.load "x" .gid)) (.load "y" .gid))) .skip]

def saxpy {α} [Scalar α] (a : α) (x y : Nat → α) (i : Nat) : α := Scalar.add (Scalar.mul a (x i)) (y i)

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" (L.sizes "n") (saxpy (L.params "a") (L.input "x") (L.input "y"))

theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "n") (fun L => saxpy (L.params "a") (L.input "x") (L.input "y"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, saxpy])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Kernels.Saxpy
