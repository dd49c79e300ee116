namespace Proofline.Kernels.VecAddOffByOne
open Proofline.Kernel

/-- Deliberately wrong: the guard `g < n + 1` lets thread `n` write `c[n]`. -/
def kernel : Kernel where
  name := "vec_add_off_by_one"
  sizes := ["n"]
  params := []
  inputs := [("a", .size "n"), ("b", .size "n")]
  outputs := [("c", .size "n")]
  shared := []
  work := .size "n"
  phases := [.ite (.lt .gid (.add (.size "n") (.lit 1))) (.store "c" .gid (.add (.load "a" .gid) (.load "b" .gid))) .skip]

def vecAdd {α} [Scalar α] (a b : Nat → α) (i : Nat) : α := Scalar.add (a i) (b i)

def pre {α} (L : Launch α) : Prop := L.sizes "n" ≤ L.grid * L.block

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "c" (L.sizes "n") (vecAdd (L.input "a") (L.input "b"))

theorem correct : Verified kernel pre spec :=
  verified_pointwise kernel _ rfl "c" (fun L => L.sizes "n") (fun L => vecAdd (L.input "a") (L.input "b"))
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, evalV, IExpr.gid, vecAdd])
    (fun α _ L b t snap s => by
      by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, exec, evalC, evalI, IExpr.gid])

end Proofline.Kernels.VecAddOffByOne
