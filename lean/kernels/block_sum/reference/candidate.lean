namespace Proofline.Kernels.BlockSum
open Proofline.Kernel Proofline.Tasks.BlockSum

/-- Phase 1: every thread stages its element (or zero past the end) in shared memory. -/
def stage : Stmt :=
  .ite (.lt .gid (.size "n")) (.storeShared "s" .tid (.load "x" .gid)) (.storeShared "s" .tid .zero)

/-- Phase 2, after the barrier: thread 0 of each block sums the block's staged elements. -/
def combine : Stmt :=
  .ite (.eq .tid (.lit 0))
    (.seq (.sumInto "acc" "k" .bdim (.loadShared "s" (.ivar "k"))) (.store "out" .bid (.var "acc"))) .skip

/-- `out[b]` = the sum of block `b`'s slice `x[b * block, (b + 1) * block)` (zero past `n`), summed
left to right: every thread of a block loads one element into shared memory, then one thread adds them. -/
def kernel : Kernel where
  name := "block_sum"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .gdim)]
  shared := ["s"]
  work := .size "n"
  phases := [.sync stage, .sync combine]


section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

theorem stage_out : (exec L b t snap (fun _ => 0) stage s).out = s.out := by
  by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, stage, exec, evalC, evalI, IExpr.gid]

theorem stage_shared : (exec L b t snap (fun _ => 0) stage s).shared
    = s.shared.set "s" t (slice (L.sizes "n") L.block (L.input "x") b t) := by
  by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, stage, exec, evalC, evalI, evalV, IExpr.gid, slice]

theorem combine_out : (exec L b t snap (fun _ => 0) combine s).out
    = if t = 0 then s.out.set "out" b (sumRange (fun k => snap "s" k) L.block) else s.out := by
  by_cases h : t = 0 <;>
    simp [h, combine, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV, Kernel.bind, forRange_sum]

theorem combine_shared : (exec L b t snap (fun _ => 0) combine s).shared = s.shared := by
  by_cases h : t = 0 <;> simp [h, combine, exec, exec_sumInto, VExpr.usesVars, evalC, evalI]
end

theorem block {α} [Scalar α] (L : Launch α) (hb : 0 < L.block) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = o.set "out" b (blockSum (L.sizes "n") L.block (L.input "x") b) := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b stage "s" (slice (L.sizes "n") L.block (L.input "x") b) o _ (fun t s => stage_out L b t _ s)
    (fun t s => stage_shared L b t _ s)]
  generalize hS : forRange (fun t (sh : Mem α) => sh.set "s" t (slice (L.sizes "n") L.block (L.input "x") b t))
    L.block (fun _ _ => Scalar.zero) = S
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (o : Mem α) => if t = 0 then
      o.set "out" b (sumRange (fun k => S "s" k) L.block) else o) (fun t x => ?_) _).trans ?_
  · simp only [combine_out]
  · rw [forRange_first]
    simp only [hb, if_true, blockSum]
    congr 1
    apply sumRange_congr
    intro k hk
    rw [← hS, forRange_set]
    simp [hk]

theorem correct : Verified kernel pre spec := by
  intro α _ L hb
  constructor
  · refine raceFree_sync kernel L [stage, combine] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq <;> subst hq
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [stage_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
    · refine ⟨fun ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [combine_shared])⟩
      rw [combine_out] at w₁ w₂
      have e₁ : t₁ = 0 ∧ b₁ = i := Classical.byContradiction fun hn => w₁ (by
        split <;> simp [Mem.set] <;> intros <;> omega)
      have e₂ : t₂ = 0 ∧ b₂ = i := Classical.byContradiction fun hn => w₂ (by
        split <;> simp [Mem.set] <;> intros <;> omega)
      omega
  · intro out
    simp only [run, block L (by simp only [pre] at hb; omega), spec]
    rw [forRange_set]
    rfl

end Proofline.Kernels.BlockSum
