namespace Proofline.Kernels.BlockSumBaseline
open Proofline.Kernel Proofline.Tasks.BlockSum

/-- Index of element `k` of this block's slice. -/
def sliceIdx : IExpr := .add (.mul .bid .bdim) (.ivar "k")

/-- Thread 0 of each block reads its block's slice from global memory itself, adding an explicit zero
past the end so the additions are those of `blockSum`, in the same order. -/
def serial : Stmt :=
  .ite (.eq .tid (.lit 0))
    (.seq (.seq (.assign "acc" .zero)
        (.loop "k" .bdim (.ite (.lt sliceIdx (.size "n"))
          (.assign "acc" (.add (.var "acc") (.load "x" sliceIdx)))
          (.assign "acc" (.add (.var "acc") .zero)))))
      (.store "out" .bid (.var "acc")))
    .skip

/-- What `block_sum` is timed against for the speed-of-light score S: proved against the same `pre` and
`spec`, so both give the same outputs bit for bit, but one thread walks each slice in global memory where
`kernel` has the whole block load it at once. -/
def kernel : Kernel where
  name := "block_sum_baseline"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .gdim)]
  shared := []
  work := .size "n"
  phases := [.sync serial]

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α)

theorem serial_loop (N : Nat) (s : State α) :
    forRange (fun k s => exec L b t snap (Kernel.bind (fun _ => 0) "k" k)
      (.ite (.lt sliceIdx (.size "n"))
          (.assign "acc" (.add (.var "acc") (.load "x" sliceIdx)))
          (.assign "acc" (.add (.var "acc") .zero))) s) N s
      = { s with locals := fun y => if y = "acc" then
            forRange (fun k a => Scalar.add a (slice (L.sizes "n") L.block (L.input "x") b k)) N (s.locals "acc")
          else s.locals y } := by
  induction N with
  | zero =>
    cases s with
    | mk l o sh => simp only [forRange, State.mk.injEq, and_true]; funext y; by_cases hy : y = "acc" <;> simp [hy]
  | succ N ih =>
    rw [forRange, ih]
    by_cases h : b * L.block + N < L.sizes "n" <;>
      simp only [exec, evalC, evalI, sliceIdx, Kernel.bind, h, decide_true, decide_false, if_true, if_false,
        Bool.false_eq_true, State.mk.injEq, and_true] <;>
      funext y <;> by_cases hy : y = "acc" <;> simp [hy, h, evalV, evalI, slice, Kernel.bind, forRange]

theorem serial_out (s : State α) : (exec L b t snap (fun _ => 0) serial s).out
    = if t = 0 then s.out.set "out" b (blockSum (L.sizes "n") L.block (L.input "x") b) else s.out := by
  by_cases h : t = 0
  · subst h
    rw [serial, exec.eq_3]
    simp only [evalC, evalI, decide_true, if_true]
    rw [exec.eq_2, exec.eq_2, exec.eq_5, serial_loop]
    simp [exec, evalV, evalI, blockSum, forRange_sum]
  · simp [h, serial, exec, evalC, evalI]

theorem serial_shared (s : State α) : (exec L b t snap (fun _ => 0) serial s).shared = s.shared := by
  by_cases h : t = 0
  · subst h
    rw [serial, exec.eq_3]
    simp only [evalC, evalI, decide_true, if_true]
    rw [exec.eq_2, exec.eq_2, exec.eq_5, serial_loop]
    simp [exec]
  · simp [h, serial, exec, evalC, evalI]
end


theorem baseline_block {α} [Scalar α] (L : Launch α) (hb : 0 < L.block) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = o.set "out" b (blockSum (L.sizes "n") L.block (L.input "x") b) := by
  simp only [kernel, runPhases, runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (o : Mem α) => if t = 0 then
      o.set "out" b (blockSum (L.sizes "n") L.block (L.input "x") b) else o) (fun t x => ?_) _).trans ?_
  · simp only [serial_out]
  · rw [forRange_first]
    simp [hb]

theorem correct : Verified kernel pre spec := by
  intro α _ L hb
  constructor
  · refine raceFree_sync kernel L [serial] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    subst hq
    refine ⟨fun ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [serial_shared])⟩
    rw [serial_out] at w₁ w₂
    have e₁ : t₁ = 0 ∧ b₁ = i := Classical.byContradiction fun hn => w₁ (by
      split <;> simp [Mem.set] <;> intros <;> omega)
    have e₂ : t₂ = 0 ∧ b₂ = i := Classical.byContradiction fun hn => w₂ (by
      split <;> simp [Mem.set] <;> intros <;> omega)
    omega
  · intro out
    simp only [run, baseline_block L (by simp only [pre] at hb; omega), spec]
    rw [forRange_set]
    rfl

end Proofline.Kernels.BlockSumBaseline
