namespace Proofline.Kernels.Sigmoid
open Proofline.Kernel Proofline.Tasks.Sigmoid

/-- `out[g] = 1 / (1 + expf(-x[g]))`, one thread per element. -/
def kernel : Kernel where
  name := "sigmoid"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n"))
    (.store "out" .gid (.div .one (.add .one (.exp (.neg (.load "x" .gid)))))) .skip)]

theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "n") (fun L => sigmoid (L.input "x"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, sigmoid])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Kernels.Sigmoid
