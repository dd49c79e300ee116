namespace Proofline.Candidates.MulNotAdd
open Proofline.Kernel Proofline.Tasks.VecAdd

/-- Wrong, but in bounds: multiplies where the spec adds. -/
def kernel : Kernel where
  name := "vec_add"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync (.ite (.lt .gid (.size "n")) (.store "c" .gid (.mul (.load "a" .gid) (.load "b" .gid))) .skip)]

theorem correct : Verified kernel pre spec := by
  sorry

end Proofline.Candidates.MulNotAdd
