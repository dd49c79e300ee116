namespace Proofline.Kernels.Matmul
open Proofline.Kernel Proofline.Tasks.Matmul

/-- Naive `C = A · B` (row-major; `A` is `m × k`, `B` is `k × n`): one thread per element of `C`,
thread `g` computes `C[g / n][g % n]` as a dot product summed left to right from zero. -/
def kernel : Kernel where
  name := "matmul"
  sizes := ["m", "n", "k"]
  params := []
  inputs := [("A", .mul (.size "m") (.size "k")), ("B", .mul (.size "k") (.size "n"))]
  outputs := [("C", .mul (.size "m") (.size "n"))]
  shared := []
  work := .mul (.size "m") (.size "n")
  phases := [.sync (.ite (.lt .gid (.mul (.size "m") (.size "n")))
    (.seq (.sumInto "acc" "p" (.size "k")
        (.mul (.load "A" (.add (.mul (.div .gid (.size "n")) (.size "k")) (.ivar "p")))
              (.load "B" (.add (.mul (.ivar "p") (.size "n")) (.mod .gid (.size "n"))))))
      (.store "C" .gid (.var "acc"))) .skip)]


theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "C" (fun L => L.sizes "m" * L.sizes "n")
    (fun L g => dot (L.sizes "n") (L.sizes "k") (L.input "A") (L.input "B") (g / L.sizes "n") (g % L.sizes "n"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "m" * L.sizes "n" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV, IExpr.gid, dot, Kernel.bind,
          forRange_sum])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "m" * L.sizes "n" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, IExpr.gid])

end Proofline.Kernels.Matmul
