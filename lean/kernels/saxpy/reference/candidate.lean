namespace Proofline.Kernels.Saxpy
open Proofline.Kernel Proofline.Tasks.Saxpy

/-- `out[g] = a * x[g] + y[g]`, one thread per element (compiled without FMA contraction). -/
def kernel : Kernel where
  name := "saxpy"
  sizes := ["n"]
  params := ["a"]
  inputs := [("x", .size "n"), ("y", .size "n")]
  outputs := [("out", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n"))
    (.store "out" .gid (.add (.mul (.param "a") (.load "x" .gid)) (.load "y" .gid))) .skip)]


theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "n") (fun L => saxpy (L.params "a") (L.input "x") (L.input "y"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, saxpy])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Kernels.Saxpy
