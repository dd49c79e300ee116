namespace Proofline.Kernels.SoftmaxBaseline
open Proofline.Kernel Proofline.Tasks.Softmax

def mine : Cond := .and (.lt .bid (.size "rows")) (.lt .tid (.size "cols"))
def rowStart : IExpr := .mul .bid (.size "cols")
def elem : IExpr := .add rowStart .tid

/-- Phase 1: each thread of the row folds `max` over the row in global memory into its slot `mx[tid]` (a
slot of its own: the language's sum loops read no locals, so the max is kept in shared memory). -/
def rowMaxP : Stmt :=
  .ite mine
    (.seq (.seq (.assign "m" (.load "x" rowStart))
        (.loop "k" (.size "cols") (.assign "m" (.max (.var "m") (.load "x" (.add rowStart (.ivar "k")))))))
      (.storeShared "mx" .tid (.var "m")))
    (.storeShared "mx" .tid .zero)

/-- Phase 2: each thread sums `exp (x[row][k] - max)` over the row in global memory and writes its element. -/
def norm : Stmt :=
  .ite mine
    (.seq (.sumInto "sum" "k" (.size "cols") (.exp (.sub (.load "x" (.add rowStart (.ivar "k"))) (.loadShared "mx" .tid))))
      (.store "out" elem (.div (.exp (.sub (.load "x" elem) (.loadShared "mx" .tid))) (.var "sum"))))
    .skip

/-- What `softmax` is timed against for the S score: the same block per row, but every thread walks its row
in global memory twice instead of the block staging it once. -/
def kernel : Kernel where
  name := "softmax_baseline"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .mul (.size "rows") (.size "cols"))]
  shared := ["mx"]
  work := .mul (.size "rows") (.lit 256)
  phases := [.sync rowMaxP, .sync norm]

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

def mineB : Bool := decide (b < L.sizes "rows") && decide (t < L.sizes "cols")

omit [Scalar α] in
theorem mine_eval (iv : String → Nat) : evalC L b t iv mine = mineB L b t := rfl

def folded : α := if mineB L b t then rowMax (L.sizes "cols") (L.input "x") b else Scalar.zero

theorem rowMaxP_exec (h : mineB L b t = true) : exec L b t snap (fun _ => 0) rowMaxP s
    = exec L b t snap (fun _ => 0) (.storeShared "mx" .tid (.var "m"))
        { s with locals := fun y => if y = "m" then rowMax (L.sizes "cols") (L.input "x") b else s.locals y } := by
  rw [rowMaxP, exec.eq_3, mine_eval, if_pos h, exec.eq_2, exec.eq_2, exec.eq_5,
    exec_foldLoop L b t snap _ "m" "k" .max Scalar.max (fun _ _ _ _ => rfl) (.load "x" (.add rowStart (.ivar "k"))) rfl]
  simp only [exec, evalV, evalI, rowStart, Kernel.bind, rowMax, State.mk.injEq, ite_true, and_true]
  funext y; by_cases hy : y = "m" <;> simp [hy]

theorem rowMaxP_out : (exec L b t snap (fun _ => 0) rowMaxP s).out = s.out := by
  by_cases h : mineB L b t = true
  · rw [rowMaxP_exec L b t snap s h]; rfl
  · rw [rowMaxP, exec.eq_3, mine_eval, if_neg h]; rfl

theorem rowMaxP_shared : (exec L b t snap (fun _ => 0) rowMaxP s).shared = s.shared.set "mx" t (folded L b t) := by
  by_cases h : mineB L b t = true
  · rw [rowMaxP_exec L b t snap s h]; simp [exec, evalV, evalI, folded, h]
  · rw [rowMaxP, exec.eq_3, mine_eval, if_neg h]; simp [exec, evalV, evalI, folded, h]

theorem norm_out : (exec L b t snap (fun _ => 0) norm s).out
    = if mineB L b t then s.out.set "out" (b * L.sizes "cols" + t)
        (Scalar.div (Scalar.exp (Scalar.sub (L.input "x" (b * L.sizes "cols" + t)) (snap "mx" t)))
          (sumRange (fun k => Scalar.exp (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (snap "mx" t)))
            (L.sizes "cols")))
      else s.out := by
  by_cases h₁ : b < L.sizes "rows" <;> by_cases h₂ : t < L.sizes "cols" <;>
    simp [h₁, h₂, norm, mine, elem, rowStart, mineB, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV,
      Kernel.bind, forRange_sum]

theorem norm_shared : (exec L b t snap (fun _ => 0) norm s).shared = s.shared := by
  by_cases h₁ : b < L.sizes "rows" <;> by_cases h₂ : t < L.sizes "cols" <;>
    simp [h₁, h₂, norm, mine, exec, exec_sumInto, VExpr.usesVars, evalC, evalI]
end

theorem block {α} [Scalar α] (L : Launch α) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
          (softmax (L.sizes "cols") (L.input "x") (b * L.sizes "cols" + t)) else m) L.block o := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b rowMaxP "mx" (folded L b) o _ (fun t s => rowMaxP_out L b t _ s)
    (fun t s => rowMaxP_shared L b t _ s)]
  generalize hS : forRange (fun t (sh : Mem α) => sh.set "mx" t (folded L b t)) L.block (fun _ _ => Scalar.zero) = S
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
      (Scalar.div (Scalar.exp (Scalar.sub (L.input "x" (b * L.sizes "cols" + t)) (S "mx" t)))
        (sumRange (fun k => Scalar.exp (Scalar.sub (L.input "x" (b * L.sizes "cols" + k)) (S "mx" t)))
          (L.sizes "cols"))) else m)
      (fun t x => ?_) _).trans ?_
  · simp only [norm_out]
  · apply forRange_congr
    intro t ht
    funext m
    by_cases h : mineB L b t = true
    · have hm : S "mx" t = rowMax (L.sizes "cols") (L.input "x") b := by
        rw [← hS, forRange_set]
        simp [ht, folded, h]
      have h' := h
      simp only [mineB, Bool.and_eq_true, decide_eq_true_eq] at h'
      have e := row_col t b (L.sizes "cols") h'.2
      simp only [h, if_true, softmax, e.2, hm]
    · simp [h]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hc0, hc, hg⟩
  constructor
  · refine raceFree_sync kernel L [rowMaxP, norm] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq <;> subst hq
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [rowMaxP_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [rowMaxP_shared] at w₁ w₂
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

end Proofline.Kernels.SoftmaxBaseline
