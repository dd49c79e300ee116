namespace Proofline.Kernels.TransposeBaseline
open Proofline.Kernel Proofline.Tasks.Transpose

def n : IExpr := .mul (.size "rows") (.size "cols")

/-- What `transpose` is timed against for the S score: thread `g` writes `out[g]`, reading `x` with a stride
of `cols` (writes coalesced, reads not, nothing staged). It asks for one block per 16 × 16 tile like
`transpose`, so both meet the task's `pre` on the same launch; past `rows * cols` threads do nothing. -/
def kernel : Kernel where
  name := "transpose_baseline"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", n)]
  outputs := [("out", n)]
  shared := []
  work := .mul (.mul (.div (.add (.size "rows") (.lit 15)) (.lit 16)) (.div (.add (.size "cols") (.lit 15)) (.lit 16)))
    (.lit 256)
  phases := [.sync (.ite (.lt .gid n)
    (.store "out" .gid (.load "x" (.add (.mul (.mod .gid (.size "rows")) (.size "cols")) (.div .gid (.size "rows")))))
    .skip)]

/-- The tiles cover the matrix. -/
theorem covers (rows cols grid : Nat) (h : tiles rows cols ≤ grid) : rows * cols ≤ grid * 256 :=
  calc rows * cols ≤ ((rows + 15) / 16 * 16) * ((cols + 15) / 16 * 16) := Nat.mul_le_mul (by omega) (by omega)
    _ = tiles rows cols * 256 := by rw [Nat.mul_mul_mul_comm]; rfl
    _ ≤ grid * 256 := Nat.mul_le_mul_right 256 h

theorem correct : Verified kernel pre spec := fun α _ L ⟨hb, hg⟩ =>
  verified_pointwise kernel _ rfl "out" (fun L => L.sizes "rows" * L.sizes "cols")
    (fun L => transposed (L.sizes "rows") (L.sizes "cols") (L.input "x"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "rows" * L.sizes "cols" <;>
        simp [h, n, exec, evalC, evalI, evalV, IExpr.gid, transposed])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "rows" * L.sizes "cols" <;> simp [h, n, exec, evalC, evalI, IExpr.gid])
    α L (show _ ≤ _ by rw [hb]; exact covers _ _ _ hg)

end Proofline.Kernels.TransposeBaseline
