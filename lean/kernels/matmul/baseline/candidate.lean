namespace Proofline.Kernels.MatmulBaseline
open Proofline.Kernel Proofline.Tasks.Matmul

/-- What the tiled `matmul` is timed against for the S score: naive `C = A · B` (row-major; `A` is `m × k`, `B` is
`k × n`), one thread per element of `C`, thread `g` computing `C[g / n][g % n]` as a dot product summed left to
right from zero, every operand read from global memory. It asks for one block per 16 × 16 tile like `matmul`, so
both meet the task's `pre` on the same launch; past `m * n` threads do nothing. -/
def kernel : Kernel where
  name := "matmul_baseline"
  sizes := ["m", "n", "k"]
  params := []
  inputs := [("A", .mul (.size "m") (.size "k")), ("B", .mul (.size "k") (.size "n"))]
  outputs := [("C", .mul (.size "m") (.size "n"))]
  shared := []
  work := .mul (.mul (.div (.add (.size "m") (.lit 15)) (.lit 16)) (.div (.add (.size "n") (.lit 15)) (.lit 16)))
    (.lit 256)
  phases := [.sync (.ite (.lt .gid (.mul (.size "m") (.size "n")))
    (.seq (.sumInto "acc" "p" (.size "k")
        (.mul (.load "A" (.add (.mul (.div .gid (.size "n")) (.size "k")) (.ivar "p")))
              (.load "B" (.add (.mul (.ivar "p") (.size "n")) (.mod .gid (.size "n"))))))
      (.store "C" .gid (.var "acc"))) .skip)]


theorem correct : Verified kernel pre spec := fun α _ L ⟨hb, hg⟩ =>
  verified_pointwise kernel _ rfl "C" (fun L => L.sizes "m" * L.sizes "n")
    (fun L g => dot (L.sizes "n") (L.sizes "k") (L.input "A") (L.input "B") (g / L.sizes "n") (g % L.sizes "n"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "m" * L.sizes "n" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV, IExpr.gid, dot, Kernel.bind,
          forRange_sum])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "m" * L.sizes "n" <;>
        simp [h, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, IExpr.gid])
    α L (show _ ≤ _ by rw [hb]; exact tiles_cover _ _ _ hg)

end Proofline.Kernels.MatmulBaseline
