namespace Proofline.Kernels.LayerNorm
open Proofline.Kernel Proofline.Tasks.LayerNorm

def mine : Cond := .and (.lt .bid (.size "rows")) (.lt .tid (.size "cols"))
def elem : IExpr := .add (.mul .bid (.size "cols")) .tid
def dev (k : IExpr) : VExpr := .sub (.loadShared "s" k) (.loadShared "mu" .tid)

/-- Phase 1: the block stages its row in shared memory, one element per thread (zero past the row). -/
def stage : Stmt := .ite mine (.storeShared "s" .tid (.load "x" elem)) (.storeShared "s" .tid .zero)

/-- Phase 2: each thread of the row sums the staged row (broadcast reads) and keeps the mean in `mu[tid]`. -/
def meanP : Stmt :=
  .ite mine
    (.seq (.seq (.sumInto "acc" "k" (.size "cols") (.loadShared "s" (.ivar "k"))) (.sumInto "n" "k" (.size "cols") .one))
      (.storeShared "mu" .tid (.div (.var "acc") (.var "n"))))
    (.storeShared "mu" .tid .zero)

/-- Phase 3: each thread sums the squared deviations from the staged row and writes its element. -/
def norm : Stmt :=
  .ite mine
    (.seq (.seq (.sumInto "acc" "k" (.size "cols") (.mul (dev (.ivar "k")) (dev (.ivar "k"))))
        (.sumInto "n" "k" (.size "cols") .one))
      (.store "out" elem (.div (dev .tid) (.sqrt (.div (.var "acc") (.var "n"))))))
    .skip

/-- Layer norm over rows, a block per row: the row is read from global memory once, then mean and variance
come from shared memory. -/
def kernel : Kernel where
  name := "layer_norm"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .mul (.size "rows") (.size "cols"))]
  shared := ["s", "mu"]
  work := .mul (.size "rows") (.lit 256)
  phases := [.sync stage, .sync meanP, .sync norm]

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

def mineB : Bool := decide (b < L.sizes "rows") && decide (t < L.sizes "cols")

omit [Scalar α] in
theorem mine_eval (iv : String → Nat) : evalC L b t iv mine = mineB L b t := rfl

def staged : α := if mineB L b t then L.input "x" (b * L.sizes "cols" + t) else Scalar.zero

def mean : α :=
  if mineB L b t then Scalar.div (sumRange (fun k => snap "s" k) (L.sizes "cols")) (count (L.sizes "cols"))
  else Scalar.zero

theorem stage_out : (exec L b t snap (fun _ => 0) stage s).out = s.out := by
  simp only [stage, exec]; split <;> rfl

theorem stage_shared : (exec L b t snap (fun _ => 0) stage s).shared = s.shared.set "s" t (staged L b t) := by
  rw [stage, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, evalV, evalI, elem, staged]

theorem meanP_out : (exec L b t snap (fun _ => 0) meanP s).out = s.out := by
  rw [meanP, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, exec_sumInto, VExpr.usesVars]

theorem meanP_shared : (exec L b t snap (fun _ => 0) meanP s).shared = s.shared.set "mu" t (mean L b t snap) := by
  rw [meanP, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;>
    simp [h, exec, exec_sumInto, VExpr.usesVars, evalV, evalI, Kernel.bind, forRange_sum, mean, count]

theorem norm_out : (exec L b t snap (fun _ => 0) norm s).out
    = if mineB L b t then s.out.set "out" (b * L.sizes "cols" + t)
        (Scalar.div (Scalar.sub (snap "s" t) (snap "mu" t)) (Scalar.sqrt (Scalar.div
          (sumRange (fun k => Scalar.mul (Scalar.sub (snap "s" k) (snap "mu" t)) (Scalar.sub (snap "s" k) (snap "mu" t)))
            (L.sizes "cols")) (count (L.sizes "cols")))))
      else s.out := by
  rw [norm, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;>
    simp [h, exec, exec_sumInto, VExpr.usesVars, dev, evalV, evalI, elem, Kernel.bind, forRange_sum, count]

theorem norm_shared : (exec L b t snap (fun _ => 0) norm s).shared = s.shared := by
  rw [norm, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, exec_sumInto, VExpr.usesVars, dev]
end

theorem block {α} [Scalar α] (L : Launch α) (hb : L.block = 256) (hc : L.sizes "cols" ≤ 256) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
          (layerNorm (L.sizes "cols") (L.input "x") (b * L.sizes "cols" + t)) else m) L.block o := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b stage "s" (staged L b) o _ (fun t s => stage_out L b t _ s) (fun t s => stage_shared L b t _ s)]
  generalize hS1 : forRange (fun t (sh : Mem α) => sh.set "s" t (staged L b t)) L.block (fun _ _ => Scalar.zero) = S1
  rw [runPhase_stage L b meanP "mu" (fun t => mean L b t S1) o S1 (fun t s => meanP_out L b t S1 s)
    (fun t s => meanP_shared L b t S1 s)]
  generalize hS2 : forRange (fun t (sh : Mem α) => sh.set "mu" t (mean L b t S1)) L.block S1 = S2
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
      (Scalar.div (Scalar.sub (S2 "s" t) (S2 "mu" t)) (Scalar.sqrt (Scalar.div
        (sumRange (fun k => Scalar.mul (Scalar.sub (S2 "s" k) (S2 "mu" t)) (Scalar.sub (S2 "s" k) (S2 "mu" t)))
          (L.sizes "cols")) (count (L.sizes "cols"))))) else m)
      (fun t x => ?_) _).trans ?_
  · simp only [norm_out]
  · apply forRange_congr
    intro t ht
    funext m
    by_cases h : mineB L b t = true
    · have h' := h
      simp only [mineB, Bool.and_eq_true, decide_eq_true_eq] at h'
      have hs1 : ∀ k, k < L.sizes "cols" → S1 "s" k = L.input "x" (b * L.sizes "cols" + k) := by
        intro k hk
        rw [← hS1, forRange_set]
        simp [hb, show k < 256 by omega, staged, mineB, h'.1, hk]
      have hs : ∀ k, k < L.sizes "cols" → S2 "s" k = L.input "x" (b * L.sizes "cols" + k) := by
        intro k hk
        rw [← hS2, forRange_set]
        simp [hs1 k hk]
      have hm : S2 "mu" t = rowMean (L.sizes "cols") (L.input "x") b := by
        rw [← hS2, forRange_set]
        simp only [hb, if_true, mean, h, rowMean]
        rw [if_pos ⟨trivial, by omega⟩, sumRange_congr _ _ _ hs1]
      have e := row_col t b (L.sizes "cols") h'.2
      simp only [h, if_true, layerNorm, rowVar, e.2, hm, hs t h'.2]
      congr 4
      exact sumRange_congr _ _ _ (fun k hk => by rw [hs k hk])
    · simp [h]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hc0, hc, hg⟩
  constructor
  · refine raceFree_sync kernel L [stage, meanP, norm] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq | hq <;> subst hq
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [stage_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [meanP_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [meanP_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
    · refine ⟨fun ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [norm_shared])⟩
      rw [norm_out] at w₁ w₂
      have e₁ := set_changed _ _ _ _ _ _ _ w₁
      have e₂ := set_changed _ _ _ _ _ _ _ w₂
      simp only [mineB, Bool.and_eq_true, decide_eq_true_eq] at e₁ e₂
      have := gid_inj (L.sizes "cols") b₁ t₁ b₂ t₂ e₁.1.2 e₂.1.2 (e₁.2.trans e₂.2.symm)
      omega
  · intro out
    simp only [run, block L hb hc]
    rw [hb]
    exact forRange_rows "out" _ _ 256 _ _ hc0 hc hg out

end Proofline.Kernels.LayerNorm
