namespace Proofline.Candidates.OwnClaim
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

/-- A claim of the candidate's own by the trusted claim's name, which holds of anything. -/
def VerifiedReassoc (_ : Kernel) (_ : ∀ {α : Type}, Launch α → Prop)
    (_ : ∀ {α : Type} [Scalar α], Launch α → Mem α → Mem α) : Prop := True

theorem correct : _root_.Proofline.Candidates.OwnClaim.VerifiedReassoc kernel pre spec := trivial

end Proofline.Candidates.OwnClaim
