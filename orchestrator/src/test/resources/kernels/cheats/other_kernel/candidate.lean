namespace Proofline.Candidates.OtherKernel
open Proofline.Kernel Proofline.Tasks.VecAdd

/-- The kernel that is proved. -/
def good : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n")) (.store "c" .gid (.add (.load "a" .gid) (.load "b" .gid))) .skip)]

/-- The kernel named `kernel`, whose IR Proofline would run: it multiplies. -/
def kernel : Kernel := { good with phases := [.sync (.ite (.lt .gid (.size "n")) (.store "c" .gid (.mul (.load "a" .gid) (.load "b" .gid))) .skip)] }

theorem correct : Verified good pre spec :=
  verified_pointwise good _ rfl "c" (fun L => L.sizes "n") (fun L => vecAdd (L.input "a") (L.input "b"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, vecAdd])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Candidates.OtherKernel
