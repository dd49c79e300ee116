namespace Proofline.Kernels.Relu
open Proofline.Kernel Proofline.Tasks.Relu

/-- `out[g] = max(x[g], 0)`, one thread per element; `max` is CUDA's `fmaxf` for floats (NaN ↦ 0). -/
def kernel : Kernel where
  name := "relu"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n")) (.store "out" .gid (.max (.load "x" .gid) .zero)) .skip)]


theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "n") (fun L => relu (L.input "x"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, relu])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Kernels.Relu
