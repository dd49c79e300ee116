namespace Proofline.Candidates.Bounded
open Proofline.Kernel Proofline.Tasks.VecAddBounded

def kernel : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n")) (.store "c" .gid (.add (.load "a" .gid) (.load "b" .gid))) .skip)]

theorem pointwise : Verified kernel (fun L => L.sizes "n" ≤ L.grid * L.block) spec :=
  verified_pointwise kernel _ rfl "c" (fun L => L.sizes "n") (fun L => vecAdd (L.input "a") (L.input "b"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, vecAdd])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

theorem correct : Verified kernel pre spec := fun α _ L h => pointwise α L h.1

end Proofline.Candidates.Bounded
