namespace Proofline.Candidates.EvalIo
open Proofline.Kernel Proofline.Tasks.VecAdd

-- runs at check time, if anything elaborates it
#eval IO.FS.writeFile "/tmp/proofline-kernel-cheat-eval-io.txt" "written at check time"

def kernel : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n")) (.store "c" .gid (.add (.load "a" .gid) (.load "b" .gid))) .skip)]

theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "c" (fun L => L.sizes "n") (fun L => vecAdd (L.input "a") (L.input "b"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, vecAdd])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Candidates.EvalIo
