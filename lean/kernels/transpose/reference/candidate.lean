namespace Proofline.Kernels.Transpose
open Proofline.Kernel Proofline.Tasks.Transpose

/-! A 16 × 16 tile per block of 256 threads, on the language's 1-D launch: block `b` takes tile
`(b / across, b % across)` and thread `t` is `(t / 16, t % 16)` within it. -/

/-- Tiles across a row of `x`. -/
def across : IExpr := .div (.add (.size "cols") (.lit 15)) (.lit 16)
def tileRow : IExpr := .mul (.div .bid across) (.lit 16)
def tileCol : IExpr := .mul (.mod .bid across) (.lit 16)
def ty : IExpr := .div .tid (.lit 16)
def tx : IExpr := .mod .tid (.lit 16)

/-- Phase 1: thread `(ty, tx)` stages `x[tileRow + ty][tileCol + tx]` (zero outside `x`) at `s[tid]`, so
consecutive threads read consecutive elements. -/
def stage : Stmt :=
  .ite (.and (.lt (.add tileRow ty) (.size "rows")) (.lt (.add tileCol tx) (.size "cols")))
    (.storeShared "s" .tid (.load "x" (.add (.mul (.add tileRow ty) (.size "cols")) (.add tileCol tx))))
    (.storeShared "s" .tid .zero)

/-- Phase 2, after the barrier: thread `(ty, tx)` writes `out[tileCol + ty][tileRow + tx]`, which is
`x[tileRow + tx][tileCol + ty]`, from the tile, so consecutive threads write consecutive elements. -/
def write : Stmt :=
  .ite (.and (.lt (.add tileRow tx) (.size "rows")) (.lt (.add tileCol ty) (.size "cols")))
    (.store "out" (.add (.mul (.add tileCol ty) (.size "rows")) (.add tileRow tx))
      (.loadShared "s" (.add (.mul tx (.lit 16)) ty)))
    .skip

def kernel : Kernel where
  name := "transpose"
  sizes := ["rows", "cols"]
  params := []
  inputs := [("x", .mul (.size "rows") (.size "cols"))]
  outputs := [("out", .mul (.size "rows") (.size "cols"))]
  shared := ["s"]
  work := .mul (.mul (.div (.add (.size "rows") (.lit 15)) (.lit 16)) across) (.lit 256)
  phases := [.sync stage, .sync write]

section
variable {α : Type} [Scalar α] (L : Launch α)

/-- Tiles across, as the kernel computes it. -/
abbrev A : Nat := (L.sizes "cols" + 15) / 16

/-- What thread `k` of block `b` stages. -/
def staged (b k : Nat) : α :=
  if (b / A L) * 16 + k / 16 < L.sizes "rows" ∧ (b % A L) * 16 + k % 16 < L.sizes "cols" then
    L.input "x" (((b / A L) * 16 + k / 16) * L.sizes "cols" + ((b % A L) * 16 + k % 16))
  else Scalar.zero

/-- Whether thread `t` of block `b` writes in phase 2, and where. -/
def writes (b t : Nat) : Bool :=
  decide ((b / A L) * 16 + t % 16 < L.sizes "rows") && decide ((b % A L) * 16 + t / 16 < L.sizes "cols")
def dst (b t : Nat) : Nat := ((b % A L) * 16 + t / 16) * L.sizes "rows" + ((b / A L) * 16 + t % 16)

variable (b t : Nat) (snap : Mem α) (s : State α)

theorem stage_out : (exec L b t snap (fun _ => 0) stage s).out = s.out := by
  simp only [stage, exec]; split <;> rfl

theorem stage_shared : (exec L b t snap (fun _ => 0) stage s).shared = s.shared.set "s" t (staged L b t) := by
  by_cases h₁ : (b / A L) * 16 + t / 16 < L.sizes "rows" <;> by_cases h₂ : (b % A L) * 16 + t % 16 < L.sizes "cols" <;>
    simp [h₁, h₂, stage, exec, evalC, evalI, evalV, staged, tileRow, tileCol, tx, ty, across]

theorem write_out : (exec L b t snap (fun _ => 0) write s).out
    = if writes L b t then s.out.set "out" (dst L b t) (snap "s" (t % 16 * 16 + t / 16)) else s.out := by
  by_cases h₁ : (b / A L) * 16 + t % 16 < L.sizes "rows" <;> by_cases h₂ : (b % A L) * 16 + t / 16 < L.sizes "cols" <;>
    simp [h₁, h₂, write, exec, evalC, evalI, evalV, writes, dst, tileRow, tileCol, tx, ty, across]

theorem write_shared : (exec L b t snap (fun _ => 0) write s).shared = s.shared := by
  simp only [write, exec]; split <;> rfl
end

/-- What a writing thread reads from the tile is the transpose's element at its destination. -/
theorem staged_dst {α} [Scalar α] (L : Launch α) (b t : Nat) (ht : t < 256) (hw : writes L b t = true) :
    staged L b (t % 16 * 16 + t / 16) = transposed (L.sizes "rows") (L.sizes "cols") (L.input "x") (dst L b t) := by
  simp only [writes, Bool.and_eq_true, decide_eq_true_eq] at hw
  have e₁ : (t % 16 * 16 + t / 16) / 16 = t % 16 := by omega
  have e₂ : (t % 16 * 16 + t / 16) % 16 = t / 16 := by omega
  have e := row_col ((b / A L) * 16 + t % 16) ((b % A L) * 16 + t / 16) (L.sizes "rows") hw.1
  simp only [staged, e₁, e₂, hw, and_self, if_true, transposed, dst, e.1, e.2]

theorem block {α} [Scalar α] (L : Launch α) (hb : L.block = 256) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if writes L b t then
          m.set "out" (dst L b t) (transposed (L.sizes "rows") (L.sizes "cols") (L.input "x") (dst L b t)) else m)
        L.block o := by
  simp only [kernel, runPhases]
  rw [runPhase_stage L b stage "s" (staged L b) o _ (fun t s => stage_out L b t _ s) (fun t s => stage_shared L b t _ s)]
  generalize hS : forRange (fun t (sh : Mem α) => sh.set "s" t (staged L b t)) L.block (fun _ _ => Scalar.zero) = S
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if writes L b t then
      m.set "out" (dst L b t) (S "s" (t % 16 * 16 + t / 16)) else m) (fun t x => ?_) _).trans ?_
  · simp only [write_out]
  · apply forRange_congr
    intro t ht
    funext m
    by_cases hw : writes L b t = true
    · rw [← hS, forRange_set, hb]
      simp only [hw, if_true, staged_dst L b t (by omega) hw]
      simp [show t % 16 * 16 + t / 16 < 256 by omega]
    · simp [hw]

/-- Phase 2 as one loop over the launch's threads `g = b * 256 + t`. -/
def writesG {α} (L : Launch α) (g : Nat) : Bool := writes L (g / 256) (g % 256)
def dstG {α} (L : Launch α) (g : Nat) : Nat := dst L (g / 256) (g % 256)

/-- Writers of phase 2 are told apart by their destinations. -/
theorem dst_inj {α} (L : Launch α) (b₁ t₁ b₂ t₂ : Nat) (h₁ : t₁ < 256) (h₂ : t₂ < 256)
    (w₁ : writes L b₁ t₁ = true) (w₂ : writes L b₂ t₂ = true) (h : dst L b₁ t₁ = dst L b₂ t₂) : b₁ = b₂ ∧ t₁ = t₂ := by
  simp only [writes, Bool.and_eq_true, decide_eq_true_eq] at w₁ w₂
  have e₁ := row_col _ ((b₁ % A L) * 16 + t₁ / 16) _ w₁.1
  have e₂ := row_col _ ((b₂ % A L) * 16 + t₂ / 16) _ w₂.1
  simp only [dst] at h
  have hr : (b₁ / A L) * 16 + t₁ % 16 = (b₂ / A L) * 16 + t₂ % 16 := by rw [← e₁.1, ← e₂.1, h]
  have hc : (b₁ % A L) * 16 + t₁ / 16 = (b₂ % A L) * 16 + t₂ / 16 := by rw [← e₁.2, ← e₂.2, h]
  have q : b₁ / A L = b₂ / A L := by omega
  have r : b₁ % A L = b₂ % A L := by omega
  refine ⟨?_, by omega⟩
  rw [← Nat.div_add_mod b₁ (A L), ← Nat.div_add_mod b₂ (A L), q, r]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hg⟩
  constructor
  · refine raceFree_sync kernel L [stage, write] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    simp only [kernel, List.mem_cons, List.mem_nil_iff, or_false] at hq
    rcases hq with hq | hq <;> subst hq
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, _, w₁⟩, ⟨_, _, w₂⟩⟩ => ?_⟩
      rw [stage_shared] at w₁ w₂
      have e₁ : t₁ = i := Classical.byContradiction fun hn => w₁ (by simp [Mem.set]; intros; omega)
      have e₂ : t₂ = i := Classical.byContradiction fun hn => w₂ (by simp [Mem.set]; intros; omega)
      omega
    · refine ⟨fun ⟨⟨_, s₁, w₁⟩, ⟨_, s₂, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [write_shared])⟩
      rw [write_out] at w₁ w₂
      have e₁ := set_changed _ _ _ _ _ _ _ w₁
      have e₂ := set_changed _ _ _ _ _ _ _ w₂
      have := dst_inj L b₁ t₁ b₂ t₂ (by omega) (by omega) e₁.1 e₂.1 (e₁.2.trans e₂.2.symm)
      omega
  · intro out
    have hblk : ∀ b (o : Mem α), (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
        = forRange (fun t => (fun g (m : Mem α) => if writesG L g then
            m.set "out" (dstG L g) (transposed (L.sizes "rows") (L.sizes "cols") (L.input "x") (dstG L g)) else m)
          (b * 256 + t)) 256 o := by
      intro b o
      rw [block L hb, hb]
      apply forRange_congr
      intro t ht
      have e₁ : (b * 256 + t) / 256 = b := by omega
      have e₂ : (b * 256 + t) % 256 = t := by omega
      simp only [writesG, dstG, e₁, e₂]
    simp only [run, hblk]
    refine (forRange_blocks L.grid 256 (fun g (m : Mem α) => if writesG L g then
      m.set "out" (dstG L g) (transposed (L.sizes "rows") (L.sizes "cols") (L.input "x") (dstG L g)) else m) out).trans ?_
    funext a i
    simp only [spec, Mem.fill]
    have hA : A L = (L.sizes "cols" + 15) / 16 := rfl
    by_cases h : a = "out" ∧ i < L.sizes "rows" * L.sizes "cols"
    · rw [if_pos h, h.1]
      have hR : 0 < L.sizes "rows" := Nat.pos_of_ne_zero fun h0 => by rw [h0, Nat.zero_mul] at h; omega
      have hj : i / L.sizes "rows" < L.sizes "cols" := (Nat.div_lt_iff_lt_mul hR).2 (by rw [Nat.mul_comm]; exact h.2)
      have hi : i % L.sizes "rows" < L.sizes "rows" := Nat.mod_lt _ hR
      have hc : i / L.sizes "rows" / 16 < A L := by omega
      have eb := row_col (i / L.sizes "rows" / 16) (i % L.sizes "rows" / 16) (A L) hc
      have hlt : i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16 < tiles (L.sizes "rows") (L.sizes "cols") := by
        have := Nat.mul_le_mul_right (A L) (show i % L.sizes "rows" / 16 + 1 ≤ (L.sizes "rows" + 15) / 16 by omega)
        rw [Nat.succ_mul] at this
        show _ < (L.sizes "rows" + 15) / 16 * A L
        omega
      refine forRange_scatter_hit "out" (writesG L) (dstG L) _ out i
        ((i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16) * 256
          + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16)) _ (by omega) ?_ ?_
      · have e₁ : ((i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16) * 256
            + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16)) / 256
            = i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16 := by omega
        have e₂ : ((i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16) * 256
            + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16)) % 256
            = i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16 := by omega
        simp only [writesG, writes, e₁, e₂, eb.1, eb.2, Bool.and_eq_true, decide_eq_true_eq]
        omega
      · have e₁ : ((i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16) * 256
            + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16)) / 256
            = i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16 := by omega
        have e₂ : ((i % L.sizes "rows" / 16 * A L + i / L.sizes "rows" / 16) * 256
            + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16)) % 256
            = i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16 := by omega
        have := Nat.div_add_mod' i (L.sizes "rows")
        simp only [dstG, dst, e₁, e₂, eb.1, eb.2]
        have f₁ : i / L.sizes "rows" / 16 * 16 + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16) / 16
            = i / L.sizes "rows" := by omega
        have f₂ : i % L.sizes "rows" / 16 * 16 + (i / L.sizes "rows" % 16 * 16 + i % L.sizes "rows" % 16) % 16
            = i % L.sizes "rows" := by omega
        rw [f₁, f₂, this]
    · rw [if_neg h]
      refine forRange_scatter_miss "out" (writesG L) (dstG L) _ out a i _ ?_
      by_cases ha : a = "out"
      · refine Or.inr fun g _ hw he => h ⟨ha, ?_⟩
        simp only [writesG, writes, Bool.and_eq_true, decide_eq_true_eq] at hw
        simp only [dstG, dst] at he
        have := Nat.mul_le_mul_right (L.sizes "rows")
          (show (g / 256 % A L) * 16 + g % 256 / 16 + 1 ≤ L.sizes "cols" by omega)
        rw [Nat.succ_mul] at this
        rw [← he, Nat.mul_comm (L.sizes "rows")]
        omega
      · exact Or.inl ha

end Proofline.Kernels.Transpose
