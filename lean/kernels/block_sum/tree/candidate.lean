namespace Proofline.Kernels.BlockSumTree
open Proofline.Kernel Proofline.Tasks.BlockSum

/-- Phase 1: every thread stages its element (or zero past the end) in shared array `a`. -/
def stage : Stmt :=
  .ite (.lt .gid (.size "n")) (.storeShared "a" .tid (.load "x" .gid)) (.storeShared "a" .tid .zero)

/-- One level of the tree: thread `t < s` writes `dst[t] := src[t] + src[t + s]`. Levels alternate between two
shared arrays because a phase may not read a shared array it writes (the IR's validation). -/
def step (src dst : String) (s : Nat) : Stmt :=
  .ite (.lt .tid (.lit s))
    (.storeShared dst .tid (.add (.loadShared src .tid) (.loadShared src (.add .tid (.lit s))))) .skip

/-- Last phase: thread 0 adds the last two partial sums into `out[bid]`. -/
def final (arr : String) : Stmt :=
  .ite (.eq .tid (.lit 0)) (.store "out" .bid (.add (.loadShared arr (.lit 0)) (.loadShared arr (.lit 1)))) .skip

/-- The levels `s = 2^k, …, 4, 2`, from `src` into `dst` and back (`2^(k+1)` elements down to 2), then `final`. -/
def treePhases : Nat → String → String → List Stmt
  | 0, src, _ => [final src]
  | k + 1, src, dst => step src dst (2 ^ (k + 1)) :: treePhases k dst src

/-- `treePhases` as the kernel's phases, each followed by a barrier (written out: this Lean cannot compile
`List.map` into the kernel's definition). -/
def treeSyncs : Nat → String → String → List Phase
  | 0, src, _ => [.sync (final src)]
  | k + 1, src, dst => .sync (step src dst (2 ^ (k + 1))) :: treeSyncs k dst src

theorem treeSyncs_eq (k : Nat) (src dst : String) : treeSyncs k src dst = (treePhases k src dst).map .sync := by
  induction k generalizing src dst with
  | zero => rfl
  | succ k ih => simp only [treeSyncs, treePhases, List.map_cons, ih]

/-- `out[b]` = the sum of block `b`'s slice by a tree: the block stages its 256 elements in shared memory, then
halves them in 7 levels (128, 64, …, 2 threads adding pairs `t`, `t + s`) and thread 0 adds the last two.
It reassociates the spec's left-to-right sum, so it proves `VerifiedReassoc`: exact for int32, floats by tolerance. -/
def kernel : Kernel where
  name := "block_sum_tree"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .gdim)]
  shared := ["a", "b"]
  work := .size "n"
  phases := .sync stage :: treeSyncs 7 "a" "b"

/-- A phase that leaves outputs alone and changes shared memory by `G t` in thread `t`. -/
theorem runPhase_sharedOnly {α} [Scalar α] (L : Launch α) (b : Nat) (p : Stmt) (G : Nat → Mem α → Mem α) (o S : Mem α)
    (hout : ∀ t s, (exec L b t S (fun _ => 0) p s).out = s.out)
    (hsh : ∀ t s, (exec L b t S (fun _ => 0) p s).shared = G t s.shared) :
    runPhase L b p (o, S) = (o, forRange G L.block S) := by
  simp only [runPhase]
  apply Prod.ext
  · refine (forRange_map Prod.fst L.block _ (fun _ (o : Mem α) => o) (fun t x => ?_) _).trans ?_
    · simp only [hout]
    · induction L.block with
      | zero => rfl
      | succ n ih => exact ih
  · exact forRange_map Prod.snd L.block _ _ (fun t x => by simp only [hsh]) _

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

theorem stage_out : (exec L b t snap (fun _ => 0) stage s).out = s.out := by
  by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, stage, exec, evalC, evalI, IExpr.gid]

theorem stage_shared : (exec L b t snap (fun _ => 0) stage s).shared
    = s.shared.set "a" t (slice (L.sizes "n") L.block (L.input "x") b t) := by
  by_cases h : b * L.block + t < L.sizes "n" <;> simp [h, stage, exec, evalC, evalI, evalV, IExpr.gid, slice]

theorem step_out (src dst : String) (k : Nat) : (exec L b t snap (fun _ => 0) (step src dst k) s).out = s.out := by
  by_cases h : t < k <;> simp [h, step, exec, evalC, evalI]

theorem step_shared (src dst : String) (k : Nat) : (exec L b t snap (fun _ => 0) (step src dst k) s).shared
    = setBelow dst k (fun i => Scalar.add (snap src i) (snap src (i + k))) t s.shared := by
  by_cases h : t < k <;> simp [h, step, exec, evalC, evalI, evalV, setBelow]

theorem final_out (arr : String) : (exec L b t snap (fun _ => 0) (final arr) s).out
    = if t = 0 then s.out.set "out" b (Scalar.add (snap arr 0) (snap arr 1)) else s.out := by
  by_cases h : t = 0 <;> simp [h, final, exec, evalC, evalI, evalV]

theorem final_shared (arr : String) : (exec L b t snap (fun _ => 0) (final arr) s).shared = s.shared := by
  by_cases h : t = 0 <;> simp [h, final, exec, evalC, evalI]
end

/-- One level: `dst[i] := src[i] + src[i + k]` for `i < k` (within the block), read from the phase's snapshot. -/
theorem runPhase_step {α} [Scalar α] (L : Launch α) (b : Nat) (src dst : String) (k : Nat) (o S : Mem α) :
    runPhase L b (step src dst k) (o, S)
      = (o, fun a i => if a = dst ∧ i < k ∧ i < L.block then Scalar.add (S src i) (S src (i + k)) else S a i) := by
  rw [runPhase_sharedOnly L b _ _ o S (fun t s => step_out L b t S s src dst k) (fun t s => step_shared L b t S s src dst k),
    forRange_pointwise]

theorem final_phase {α} [Scalar α] (L : Launch α) (b : Nat) (hb : 0 < L.block) (arr : String) (o S : Mem α) :
    (runPhase L b (final arr) (o, S)).1 = o.set "out" b (Scalar.add (S arr 0) (S arr 1)) := by
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (o : Mem α) => if t = 0 then
      o.set "out" b (Scalar.add (S arr 0) (S arr 1)) else o) (fun t x => ?_) _).trans ?_
  · simp only [final_out]
  · rw [forRange_first]
    simp only [hb, if_true]

/-- The levels and the last phase write the sum of `src`'s first `2^(k+1)` elements (under the laws). -/
theorem tree {α} [Scalar α] [AddCommMonoidLaws α] (L : Launch α) (b : Nat) (k : Nat) (src dst : String) (o S : Mem α)
    (hk : 2 ^ k ≤ L.block) :
    (runPhases L b ((treePhases k src dst).map .sync) (o, S)).1 = o.set "out" b (sumRange (S src) (2 ^ (k + 1))) := by
  induction k generalizing src dst S with
  | zero =>
    simp only [treePhases, List.map_cons, List.map_nil, runPhases]
    rw [final_phase L b hk, ← sumRange_two]
  | succ k ih =>
    simp only [treePhases, List.map_cons, runPhases, runPhase_step]
    have hk' : 2 ^ k ≤ L.block := Nat.le_trans (Nat.pow_le_pow_right (by decide) (Nat.le_succ k)) hk
    rw [ih dst src _ hk', Nat.pow_succ 2 (k + 1), Nat.mul_comm, sumRange_halve]
    congr 1
    apply sumRange_congr
    intro i hi
    simp only [true_and, hi]
    rw [if_pos (Nat.lt_of_lt_of_le hi hk)]

theorem mem_treePhases (k : Nat) (src dst : String) (q : Stmt) (h : q ∈ treePhases k src dst) :
    (∃ s a c, q = step a c s) ∨ ∃ a, q = final a := by
  induction k generalizing src dst with
  | zero =>
    simp only [treePhases, List.mem_singleton] at h
    exact Or.inr ⟨_, h⟩
  | succ k ih =>
    simp only [treePhases, List.mem_cons] at h
    rcases h with h | h
    · exact Or.inl ⟨_, _, _, h⟩
    · exact ih dst src h

theorem block {α} [Scalar α] [AddCommMonoidLaws α] (L : Launch α) (hb : L.block = 256) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = o.set "out" b (blockSum (L.sizes "n") L.block (L.input "x") b) := by
  simp only [kernel, treeSyncs_eq, runPhases]
  rw [runPhase_stage L b stage "a" (slice (L.sizes "n") L.block (L.input "x") b) o _ (fun t s => stage_out L b t _ s)
    (fun t s => stage_shared L b t _ s), tree L b 7 "a" "b" o _ (by rw [hb]; decide), blockSum]
  congr 1
  rw [show 2 ^ (7 + 1) = 256 from rfl, hb]
  apply sumRange_congr
  intro k hk
  rw [forRange_set]
  simp [hk]

theorem correct : VerifiedReassoc kernel pre spec := by
  intro α _ _ L hb
  constructor
  · refine raceFree_sync kernel L (stage :: treePhases 7 "a" "b") (by simp only [kernel, treeSyncs_eq, List.map_cons]) fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [List.mem_cons] at hq
    rcases hq with hq | hq
    · subst hq
      refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [stage_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
    · rcases mem_treePhases _ _ _ _ hq with ⟨s, src, dst, rfl⟩ | ⟨arr, rfl⟩
      · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [step_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
        rw [step_shared] at w₁ w₂
        have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by
          simp only [setBelow]; split <;> simp [Mem.set] <;> intros <;> omega)
        have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by
          simp only [setBelow]; split <;> simp [Mem.set] <;> intros <;> omega)
        omega
      · refine ⟨fun ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [final_shared])⟩
        rw [final_out] at w₁ w₂
        have e₁ : t₁ = 0 ∧ b₁ = i := Classical.byContradiction fun hn => w₁ (by
          split <;> simp [Mem.set] <;> intros <;> omega)
        have e₂ : t₂ = 0 ∧ b₂ = i := Classical.byContradiction fun hn => w₂ (by
          split <;> simp [Mem.set] <;> intros <;> omega)
        omega
  · intro out
    simp only [run, block L hb, spec]
    rw [forRange_set]
    rfl

end Proofline.Kernels.BlockSumTree
