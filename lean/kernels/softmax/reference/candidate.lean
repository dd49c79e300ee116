namespace Proofline.Kernels.Softmax
open Proofline.Kernel Proofline.Tasks.Softmax

/-- Thread `tid` of block `bid` has element `x[bid][tid]` of its row. -/
def mine : Cond := .and (.lt .bid (.size "rows")) (.lt .tid (.size "cols"))
def elem : IExpr := .add (.mul .bid (.size "cols")) .tid

/-- Phase 1: the block stages its row in shared memory, one element per thread (zero past the row). -/
def stage : Stmt := .ite mine (.storeShared "s" .tid (.load "x" elem)) (.storeShared "s" .tid .zero)

/-- Phase 2: each thread of the row folds `max` over the staged row (broadcast reads) into `mx[tid]`. -/
def rowMaxP : Stmt :=
  .ite mine
    (.seq (.seq (.assign "m" (.loadShared "s" (.lit 0)))
        (.loop "k" (.size "cols") (.assign "m" (.max (.var "m") (.loadShared "s" (.ivar "k"))))))
      (.storeShared "mx" .tid (.var "m")))
    (.storeShared "mx" .tid .zero)

/-- Phase 3: each thread sums `exp (s[k] - max)` over the staged row and writes its element. -/
def norm : Stmt :=
  .ite mine
    (.seq (.sumInto "sum" "k" (.size "cols") (.exp (.sub (.loadShared "s" (.ivar "k")) (.loadShared "mx" .tid))))
      (.store "out" elem (.div (.exp (.sub (.loadShared "s" .tid) (.loadShared "mx" .tid))) (.var "sum"))))
    .skip

/-- Row softmax, a block per row: the row is read from global memory once, then max and sum come from shared memory. -/
def kernel : Kernel where
  name := "softmax"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .mul (.size "rows") (.size "cols"))]
  shared := ["s", "mx"]
  work := .mul (.size "rows") (.lit 256)
  phases := [.sync stage, .sync rowMaxP, .sync norm]

section
variable {α : Type} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α)

def mineB : Bool := decide (b < L.sizes "rows") && decide (t < L.sizes "cols")

omit [Scalar α] in
theorem mine_eval (iv : String → Nat) : evalC L b t iv mine = mineB L b t := rfl

def staged : α := if mineB L b t then L.input "x" (b * L.sizes "cols" + t) else Scalar.zero

/-- `max` folded over the staged row, as phase 2 computes it. -/
def fold : α := forRange (fun k a => Scalar.max a (snap "s" k)) (L.sizes "cols") (snap "s" 0)

def folded : α := if mineB L b t then fold L snap else Scalar.zero

theorem stage_out : (exec L b t snap (fun _ => 0) stage s).out = s.out := by
  simp only [stage, exec]; split <;> rfl

theorem stage_shared : (exec L b t snap (fun _ => 0) stage s).shared = s.shared.set "s" t (staged L b t) := by
  rw [stage, exec.eq_3, mine_eval]
  by_cases h : mineB L b t = true <;> simp [h, exec, evalV, evalI, elem, staged]

theorem rowMaxP_exec (h : mineB L b t = true) : exec L b t snap (fun _ => 0) rowMaxP s
    = exec L b t snap (fun _ => 0) (.storeShared "mx" .tid (.var "m"))
        { s with locals := fun y => if y = "m" then fold L snap else s.locals y } := by
  rw [rowMaxP, exec.eq_3, mine_eval, if_pos h, exec.eq_2, exec.eq_2, exec.eq_5,
    exec_foldLoop L b t snap _ "m" "k" .max Scalar.max (fun _ _ _ _ => rfl) (.loadShared "s" (.ivar "k")) rfl]
  simp only [exec, evalV, evalI, Kernel.bind, fold, State.mk.injEq, ite_true, and_true]
  funext y; by_cases hy : y = "m" <;> simp [hy]

theorem rowMaxP_out : (exec L b t snap (fun _ => 0) rowMaxP s).out = s.out := by
  by_cases h : mineB L b t = true
  · rw [rowMaxP_exec L b t snap s h]; rfl
  · rw [rowMaxP, exec.eq_3, mine_eval, if_neg h]; rfl

theorem rowMaxP_shared : (exec L b t snap (fun _ => 0) rowMaxP s).shared = s.shared.set "mx" t (folded L b t snap) := by
  by_cases h : mineB L b t = true
  · rw [rowMaxP_exec L b t snap s h]; simp [exec, evalV, evalI, folded, h]
  · rw [rowMaxP, exec.eq_3, mine_eval, if_neg h]; simp [exec, evalV, evalI, folded, h]

theorem norm_out : (exec L b t snap (fun _ => 0) norm s).out
    = if mineB L b t then s.out.set "out" (b * L.sizes "cols" + t)
        (Scalar.div (Scalar.exp (Scalar.sub (snap "s" t) (snap "mx" t)))
          (sumRange (fun k => Scalar.exp (Scalar.sub (snap "s" k) (snap "mx" t))) (L.sizes "cols")))
      else s.out := by
  by_cases h₁ : b < L.sizes "rows" <;> by_cases h₂ : t < L.sizes "cols" <;>
    simp [h₁, h₂, norm, mine, elem, mineB, exec, exec_sumInto, VExpr.usesVars, evalC, evalI, evalV, Kernel.bind,
      forRange_sum]

theorem norm_shared : (exec L b t snap (fun _ => 0) norm s).shared = s.shared := by
  by_cases h₁ : b < L.sizes "rows" <;> by_cases h₂ : t < L.sizes "cols" <;>
    simp [h₁, h₂, norm, mine, exec, exec_sumInto, VExpr.usesVars, evalC, evalI]
end

/-- What a thread of a row reads back in phase 3 is its row's softmax. -/
theorem block {α} [Scalar α] (L : Launch α) (hb : L.block = 256) (hc : L.sizes "cols" ≤ 256) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
          (softmax (L.sizes "cols") (L.input "x") (b * L.sizes "cols" + t)) else m) L.block o := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b stage "s" (staged L b) o _ (fun t s => stage_out L b t _ s) (fun t s => stage_shared L b t _ s)]
  generalize hS1 : forRange (fun t (sh : Mem α) => sh.set "s" t (staged L b t)) L.block (fun _ _ => Scalar.zero) = S1
  rw [runPhase_stage L b rowMaxP "mx" (fun t => folded L b t S1) o S1 (fun t s => rowMaxP_out L b t S1 s)
    (fun t s => rowMaxP_shared L b t S1 s)]
  generalize hS2 : forRange (fun t (sh : Mem α) => sh.set "mx" t (folded L b t S1)) L.block S1 = S2
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if mineB L b t then m.set "out" (b * L.sizes "cols" + t)
      (Scalar.div (Scalar.exp (Scalar.sub (S2 "s" t) (S2 "mx" t)))
        (sumRange (fun k => Scalar.exp (Scalar.sub (S2 "s" k) (S2 "mx" t))) (L.sizes "cols"))) else m)
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
      have hm : S2 "mx" t = rowMax (L.sizes "cols") (L.input "x") b := by
        rw [← hS2, forRange_set]
        simp only [hb, if_true, folded, h, fold, rowMax]
        rw [hs1 0 (by omega), Nat.add_zero, if_pos ⟨trivial, by omega⟩]
        apply forRange_congr
        intro k hk
        funext a
        rw [hs1 k hk]
      have e := row_col t b (L.sizes "cols") h'.2
      simp only [h, if_true, softmax, e.2, hm, hs t h'.2]
      congr 2
      exact sumRange_congr _ _ _ (fun k hk => by rw [hs k hk])
    · simp [h]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hc0, hc, hg⟩
  constructor
  · refine raceFree_sync kernel L [stage, rowMaxP, norm] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq | hq <;> subst hq
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [stage_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
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
    simp only [run, block L hb hc]
    rw [hb]
    exact forRange_rows "out" _ _ 256 _ _ hc0 hc hg out

end Proofline.Kernels.Softmax
