namespace Proofline.Kernels.LayerNormBaseline
open Proofline.Kernel Proofline.Tasks.LayerNorm

def mine : Cond := .and (.lt .bid (.size "rows")) (.lt .tid (.size "cols"))
def rowStart : IExpr := .mul .bid (.size "cols")
def elem : IExpr := .add rowStart .tid
def dev (k : IExpr) : VExpr := .sub (.load "x" k) (.loadShared "mu" .tid)

/-- Phase 1: each thread of the row sums its row in global memory and keeps the mean in its slot `mu[tid]` (a
slot of its own: the language's sum loops read no locals, so the mean is kept in shared memory). -/
def meanP : Stmt :=
  .ite mine
    (.seq (.seq (.sumInto "acc" "k" (.size "cols") (.load "x" (.add rowStart (.ivar "k"))))
        (.sumInto "n" "k" (.size "cols") .one))
      (.storeShared "mu" .tid (.div (.var "acc") (.var "n"))))
    (.storeShared "mu" .tid .zero)

/-- Phase 2: each thread sums the squared deviations over its row in global memory and writes its element. -/
def norm : Stmt :=
  .ite mine
    (.seq (.seq (.sumInto "acc" "k" (.size "cols") (.mul (dev (.add rowStart (.ivar "k"))) (dev (.add rowStart (.ivar "k")))))
        (.sumInto "n" "k" (.size "cols") .one))
      (.store "out" elem (.div (dev elem) (.sqrt (.div (.var "acc") (.var "n"))))))
    .skip

/-- What `layer_norm` is timed against for the S score: the same block per row, but every thread walks its
row in global memory twice instead of the block staging it once. -/
def kernel : Kernel where
  name := "layer_norm_baseline"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .mul (.size "rows") (.size "cols"))]
  shared := ["mu"]
  work := .mul (.size "rows") (.lit 256)
  phases := [.sync meanP, .sync norm]

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

def mineB : Bool := decide (b < L.sizes "rows") && decide (t < L.sizes "cols")

omit [Scalar α] in
theorem mine_eval (iv : String → Nat) : evalC L b t iv mine = mineB L b t := rfl

def mean : α := if mineB L b t then rowMean (L.sizes "cols") (L.input "x") b else Scalar.zero

theorem meanP_out : (exec L b t snap (fun _ => 0) meanP s).out = s.out := by
  rw [meanP, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, exec_sumInto, VExpr.usesVars]

theorem meanP_shared : (exec L b t snap (fun _ => 0) meanP s).shared = s.shared.set "mu" t (mean L b t) := by
  rw [meanP, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;>
    simp [h, exec, exec_sumInto, VExpr.usesVars, evalV, evalI, Kernel.bind, forRange_sum, mean, rowMean, rowStart, count]

theorem norm_out : (exec L b t snap (fun _ => 0) norm s).out
    = if mineB L b t then s.out.set "out" (b * L.sizes "cols" + t)
        (Scalar.div (Scalar.sub (L.input "x" (b * L.sizes "cols" + t)) (snap "mu" t)) (Scalar.sqrt (Scalar.div
          (sumRange (fun k => Scalar.mul (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (snap "mu" t))
            (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (snap "mu" t))) (L.sizes "cols")) (count (L.sizes "cols")))))
      else s.out := by
  rw [norm, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;>
    simp [h, exec, exec_sumInto, VExpr.usesVars, dev, evalV, evalI, elem, rowStart, Kernel.bind, forRange_sum, count]

theorem norm_shared : (exec L b t snap (fun _ => 0) norm s).shared = s.shared := by
  rw [norm, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, exec_sumInto, VExpr.usesVars, dev]
end

theorem block {α} [Scalar α] (L : Launch α) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
          (layerNorm (L.sizes "cols") (L.input "x") (b * L.sizes "cols" + t)) else m) L.block o := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b meanP "mu" (mean L b) o _ (fun t s => meanP_out L b t _ s) (fun t s => meanP_shared L b t _ s)]
  generalize hS : forRange (fun t (sh : Mem α) => sh.set "mu" t (mean L b t)) L.block (fun _ _ => Scalar.zero) = S
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
      (Scalar.div (Scalar.sub (L.input "x" (b * L.sizes "cols" + t)) (S "mu" t)) (Scalar.sqrt (Scalar.div
        (sumRange (fun k => Scalar.mul (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (S "mu" t))
          (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (S "mu" t))) (L.sizes "cols")) (count (L.sizes "cols")))))
      else m) (fun t x => ?_) _).trans ?_
  · simp only [norm_out]
  · apply forRange_congr
    intro t ht
    funext m
    by_cases h : mineB L b t = true
    · have hm : S "mu" t = rowMean (L.sizes "cols") (L.input "x") b := by
        rw [← hS, forRange_set]
        simp [ht, mean, h]
      have h' := h
      simp only [mineB, Bool.and_eq_true, decide_eq_true_eq] at h'
      have e := row_col t b (L.sizes "cols") h'.2
      simp only [h, if_true, layerNorm, rowVar, e.2, hm]
    · simp [h]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hc0, hc, hg⟩
  constructor
  · refine raceFree_sync kernel L [meanP, norm] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq <;> subst hq
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
    simp only [run, block L]
    rw [hb]
    exact forRange_rows "out" _ _ 256 _ _ hc0 hc hg out

end Proofline.Kernels.LayerNormBaseline
