namespace Proofline.Candidates.PreFalse
open Proofline.Kernel Proofline.Tasks.VecAdd

/-- Writes nothing at all. -/
def kernel : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync .skip]

/-- A precondition of the candidate's own, never true: anything follows from it. -/
def pre {α} (_ : Launch α) : Prop := False

theorem correct : Verified kernel pre spec := fun _ _ _ h => h.elim

end Proofline.Candidates.PreFalse
