namespace Proofline.Kernels.RowSum
open Proofline.Kernel Proofline.Tasks.RowSum

/-- `out[r] = x[r][0] + … + x[r][cols-1]` (row-major `rows × cols`), one thread per row, summed
left to right from zero. -/
def kernel : Kernel where
  name := "row_sum"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .size "rows")]
  shared := []
  work := .size "rows"
  phases := [.sync (.ite (.lt .gid (.size "rows"))
    (.seq (.sumInto "acc" "k" (.size "cols") (.load "x" (.add (.mul .gid (.size "cols")) (.ivar "k"))))
      (.store "out" .gid (.var "acc"))) .skip)]


theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "rows") (fun L => rowSum (L.sizes "cols") (L.input "x"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "rows" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV, IExpr.gid, rowSum, Kernel.bind,
          forRange_sum])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "rows" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, IExpr.gid])

end Proofline.Kernels.RowSum
