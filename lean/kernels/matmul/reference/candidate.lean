namespace Proofline.Kernels.Matmul
open Proofline.Kernel Proofline.Tasks.Matmul

/-! Tiled `C = A · B` through shared memory, a 16 × 16 tile of `C` per block of 256 threads on the language's
1-D launch: block `b` takes tile `(b / across, b % across)` and thread `t` is `(t / 16, t % 16)` within it.
For each k-tile `t` (a phase loop: barriers inside it) every thread stages one element of `A`'s and one of
`B`'s 16 × 16 tiles, then adds its row of the one times its column of the other to its running sum, left
to right, only over `j < k - 16 t` (no product of a zero pad is added: `x + 0 * y` is not `x` for floats),
so the sum is the spec's `sumRange` operation for operation. The running sum lives in shared memory across
barriers: `Sum[tid]` after each k-tile, copied to `Acc[tid]` when the next tile is staged. -/

/-- Tiles across a row of `C`. -/
def across : IExpr := .div (.add (.size "n") (.lit 15)) (.lit 16)
def ty : IExpr := .div .tid (.lit 16)
def tx : IExpr := .mod .tid (.lit 16)
/-- Row and column of `C` that thread `(ty, tx)` computes. -/
def row : IExpr := .add (.mul (.div .bid across) (.lit 16)) ty
def col : IExpr := .add (.mul (.mod .bid across) (.lit 16)) tx
/-- First index of the k-tile. -/
def k0 : IExpr := .mul (.ivar "t") (.lit 16)

/-- Phase 1 of k-tile `t`: `As[tid] = A[row][16 t + tx]`, `Bs[tid] = B[16 t + ty][col]` (zero outside the
matrices), and the running sum into `Acc[tid]` (zero for the first tile). -/
def stage : Stmt :=
  .seq (.ite (.and (.lt row (.size "m")) (.lt (.add k0 tx) (.size "k")))
      (.storeShared "As" .tid (.load "A" (.add (.mul row (.size "k")) (.add k0 tx))))
      (.storeShared "As" .tid .zero))
    (.seq (.ite (.and (.lt (.add k0 ty) (.size "k")) (.lt col (.size "n")))
        (.storeShared "Bs" .tid (.load "B" (.add (.mul (.add k0 ty) (.size "n")) col)))
        (.storeShared "Bs" .tid .zero))
      (.ite (.eq (.ivar "t") (.lit 0)) (.storeShared "Acc" .tid .zero)
        (.storeShared "Acc" .tid (.loadShared "Sum" .tid))))

/-- Phase 2 of k-tile `t`, after the barrier: `Sum[tid] = Acc[tid] + As[ty][j] * Bs[j][tx] + …` for the `j` with
`16 t + j < k`, in order. -/
def compute : Stmt :=
  .seq (.assign "x" (.loadShared "Acc" .tid))
    (.seq (.loop "j" (.lit 16) (.ite (.lt (.add k0 (.ivar "j")) (.size "k"))
        (.assign "x" (.add (.var "x") (.mul (.loadShared "As" (.add (.mul ty (.lit 16)) (.ivar "j")))
          (.loadShared "Bs" (.add (.mul (.ivar "j") (.lit 16)) tx))))) .skip))
      (.storeShared "Sum" .tid (.var "x")))

/-- After the last k-tile: `C[row][col] = Sum[tid]` (zero when `k = 0`: no tile ran). -/
def write : Stmt :=
  .ite (.and (.lt row (.size "m")) (.lt col (.size "n")))
    (.ite (.lt (.lit 0) (.size "k")) (.store "C" (.add (.mul row (.size "n")) col) (.loadShared "Sum" .tid))
      (.store "C" (.add (.mul row (.size "n")) col) .zero))
    .skip

def kernel : Kernel where
  name := "matmul"
  sizes := ["m", "n", "k"]
  params := []
  inputs := [("A", .mul (.size "m") (.size "k")), ("B", .mul (.size "k") (.size "n"))]
  outputs := [("C", .mul (.size "m") (.size "n"))]
  shared := ["As", "Bs", "Acc", "Sum"]
  work := .mul (.mul (.div (.add (.size "m") (.lit 15)) (.lit 16)) across) (.lit 256)
  phases := [.loop "t" (.div (.add (.size "k") (.lit 15)) (.lit 16)) [.sync stage, .sync compute], .sync write]

section
variable {α : Type} [Scalar α] (L : Launch α)

/-- Tiles across, as the kernel computes it. -/
abbrev Ac : Nat := (L.sizes "n" + 15) / 16
def rowOf (b t : Nat) : Nat := (b / Ac L) * 16 + t / 16
def colOf (b t : Nat) : Nat := (b % Ac L) * 16 + t % 16

/-- What thread `t` stages in k-tile `T`. -/
def va (b T t : Nat) : α :=
  if rowOf L b t < L.sizes "m" ∧ T * 16 + t % 16 < L.sizes "k" then
    L.input "A" (rowOf L b t * L.sizes "k" + (T * 16 + t % 16)) else Scalar.zero
def vb (b T t : Nat) : α :=
  if T * 16 + t / 16 < L.sizes "k" ∧ colOf L b t < L.sizes "n" then
    L.input "B" ((T * 16 + t / 16) * L.sizes "n" + colOf L b t) else Scalar.zero

/-- The `p`-th product thread `t` adds (zero where `A` or `B` has no element). -/
def prod (b t p : Nat) : α :=
  Scalar.mul (if rowOf L b t < L.sizes "m" ∧ p < L.sizes "k" then L.input "A" (rowOf L b t * L.sizes "k" + p) else Scalar.zero)
    (if p < L.sizes "k" ∧ colOf L b t < L.sizes "n" then L.input "B" (p * L.sizes "n" + colOf L b t) else Scalar.zero)

/-- Thread `t`'s running sum after `N` k-tiles. -/
def acc (b t N : Nat) : α :=
  forRange (fun p x => Scalar.add x (prod L b t p)) (min (N * 16) (L.sizes "k")) Scalar.zero

/-- Whether thread `t` of block `b` writes `C`, and where. -/
def writes (b t : Nat) : Bool := decide (rowOf L b t < L.sizes "m") && decide (colOf L b t < L.sizes "n")
def dst (b t : Nat) : Nat := rowOf L b t * L.sizes "n" + colOf L b t

variable (b t : Nat) (snap : Mem α) (iv : String → Nat) (s : State α)

theorem stage_out : (exec L b t snap iv stage s).out = s.out := by
  simp only [stage, exec]; split <;> split <;> split <;> rfl

theorem stage_shared : (exec L b t snap iv stage s).shared =
    ((s.shared.set "As" t (va L b (iv "t") t)).set "Bs" t (vb L b (iv "t") t)).set "Acc" t
      (if iv "t" = 0 then Scalar.zero else snap "Sum" t) := by
  simp only [stage, exec, evalC, evalI, evalV, row, col, k0, tx, ty, across, Bool.and_eq_true, decide_eq_true_eq]
  generalize iv "t" = T
  simp only [va, vb, rowOf, colOf, Ac]
  by_cases h₁ : b / ((L.sizes "n" + 15) / 16) * 16 + t / 16 < L.sizes "m" ∧ T * 16 + t % 16 < L.sizes "k" <;>
  by_cases h₂ : T * 16 + t / 16 < L.sizes "k" ∧ b % ((L.sizes "n" + 15) / 16) * 16 + t % 16 < L.sizes "n" <;>
    simp only [h₁, h₂, and_self, if_true, if_false] <;>
  by_cases h₃ : T = 0 <;> simp only [h₃, if_true, if_false]

/-- Step `j` of thread `t`'s sum over k-tile `T`, reading the staged tiles `S`. -/
def step (T : Nat) (S : Mem α) (t : Nat) (j : Nat) (x : α) : α :=
  cond (decide (T * 16 + j < L.sizes "k")) (Scalar.add x (Scalar.mul (S "As" (t / 16 * 16 + j)) (S "Bs" (j * 16 + t % 16)))) x

theorem compute_exec : exec L b t snap iv compute s =
    { s with locals := fun y => if y = "x" then forRange (step L (iv "t") snap t) 16 (snap "Acc" t) else s.locals y,
             shared := s.shared.set "Sum" t (forRange (step L (iv "t") snap t) 16 (snap "Acc" t)) } := by
  rw [compute, exec.eq_2, exec.eq_2, exec.eq_5, exec_guardLoop L b t snap iv "x" "j" _ .add Scalar.add (fun _ _ _ _ => rfl)
    _ rfl]
  simp only [exec.eq_4, exec.eq_7, evalV, evalI, evalC, Proofline.Kernel.bind, k0, ty, tx, step]
  simp only [if_true, show ("t" = "j") = False from by decide, if_false]
  congr 1
  funext y
  by_cases hy : y = "x" <;> simp [hy] <;> rfl

theorem compute_out : (exec L b t snap iv compute s).out = s.out := by rw [compute_exec]

theorem write_out : (exec L b t snap iv write s).out = if writes L b t then
    s.out.set "C" (dst L b t) (if 0 < L.sizes "k" then snap "Sum" t else Scalar.zero) else s.out := by
  simp only [write, exec, evalC, evalI, evalV, row, col, tx, ty, across, Bool.and_eq_true, decide_eq_true_eq, writes,
    dst, rowOf, colOf, Ac]
  by_cases h₁ : b / ((L.sizes "n" + 15) / 16) * 16 + t / 16 < L.sizes "m" ∧
      b % ((L.sizes "n" + 15) / 16) * 16 + t % 16 < L.sizes "n" <;>
    simp only [h₁, and_self, if_true, if_false] <;>
  by_cases h₂ : 0 < L.sizes "k" <;> simp only [h₂, if_true, if_false]

theorem write_shared : (exec L b t snap iv write s).shared = s.shared := by
  simp only [write, exec]; split
  · split <;> rfl
  · rfl

/-- The arrays stage writes, and what thread `t` puts in its slot of each in k-tile `T`. -/
def staged (a : String) : Bool := a = "As" || a = "Bs" || a = "Acc"
def stagedV (T : Nat) (S : Mem α) (a : String) (t : Nat) : α :=
  if a = "As" then va L b T t else if a = "Bs" then vb L b T t else if T = 0 then Scalar.zero else S "Sum" t

theorem stage_own : (exec L b t snap iv stage s).shared =
    fun a i => if staged a ∧ i = t then stagedV L b (iv "t") snap a t else s.shared a i := by
  rw [stage_shared]
  funext a i
  simp only [Mem.set, staged, stagedV]
  by_cases h1 : a = "As" <;> by_cases h2 : a = "Bs" <;> by_cases h3 : a = "Acc" <;> by_cases hi : i = t <;>
    simp [h1, h2, h3, hi] <;> simp_all
end

theorem own_changed {α} (c : Prop) [Decidable c] (i t : Nat) (v x : α) (w : (if c ∧ i = t then v else x) ≠ x) : i = t :=
  Classical.byContradiction fun hn => w (by rw [if_neg (fun h => hn h.2)])

section
variable {α : Type} [Scalar α] (L : Launch α) (b : Nat)

/-- Adding k-tile `T`'s products to the sum of the tiles before it is the sum of the first `T + 1` tiles. -/
theorem sum_step (T t : Nat) (ht : t < 256) (hT : T * 16 < L.sizes "k") :
    forRange (fun j x => cond (decide (T * 16 + j < L.sizes "k"))
      (Scalar.add x (Scalar.mul (va L b T (t / 16 * 16 + j)) (vb L b T (j * 16 + t % 16)))) x) 16 (acc L b t T)
      = acc L b t (T + 1) := by
  rw [forRange_congr 16 _ (fun j x => if j < L.sizes "k" - T * 16 then Scalar.add x (prod L b t (T * 16 + j)) else x)
    (fun j hj => by
      funext x
      have e1 : (t / 16 * 16 + j) / 16 = t / 16 := by omega
      have e2 : (t / 16 * 16 + j) % 16 = j := by omega
      have e3 : (j * 16 + t % 16) / 16 = j := by omega
      have e4 : (j * 16 + t % 16) % 16 = t % 16 := by omega
      have e5 : rowOf L b (t / 16 * 16 + j) = rowOf L b t := by simp only [rowOf, e1]
      have e6 : colOf L b (j * 16 + t % 16) = colOf L b t := by simp only [colOf, e4]
      simp only [va, vb, e2, e3, e5, e6, prod]
      by_cases h : T * 16 + j < L.sizes "k"
      · simp [h, show j < L.sizes "k" - T * 16 by omega]
      · simp [h, show ¬ j < L.sizes "k" - T * 16 by omega])]
  rw [forRange_guard (fun j x => Scalar.add x (prod L b t (T * 16 + j)))]
  simp only [acc]
  rw [Nat.min_eq_left (Nat.le_of_lt hT), show min ((T + 1) * 16) (L.sizes "k") = T * 16 + min 16 (L.sizes "k" - T * 16) by omega,
    forRange_add]

/-- One k-tile: stage, barrier, sum. -/
theorem iter (hb : L.block = 256) (T : Nat) (hT : T * 16 < L.sizes "k") (o S : Mem α)
    (hS : ∀ t, t < 256 → 0 < T → S "Sum" t = acc L b t T) :
    ∃ S', runPhase L b compute (runPhase L b stage (o, S) (Proofline.Kernel.bind (fun _ => 0) "t" T))
      (Proofline.Kernel.bind (fun _ => 0) "t" T) = (o, S') ∧ ∀ t, t < 256 → S' "Sum" t = acc L b t (T + 1) := by
  have hiv : Proofline.Kernel.bind (fun _ => 0) "t" T "t" = T := by simp [Proofline.Kernel.bind]
  rw [runPhase_shared L b _ stage (fun t (m : Mem α) a i => if staged a ∧ i = t then stagedV L b T S a t else m a i) o S
    (fun t s => stage_out L b t S _ s) (fun t s => by rw [stage_own, hiv])]
  generalize hS1 : forRange (fun t (m : Mem α) a i => if staged a ∧ i = t then stagedV L b T S a t else m a i) L.block S = S1
  rw [runPhase_shared L b _ compute (fun t (m : Mem α) => m.set "Sum" t (forRange (step L T S1 t) 16 (S1 "Acc" t))) o S1
    (fun t s => compute_out L b t S1 _ s) (fun t s => by rw [compute_exec, hiv])]
  refine ⟨_, rfl, fun t ht => ?_⟩
  rw [hb, forRange_set]
  simp only [ht, and_self, if_true]
  have hown := forRange_own L.block staged (stagedV L b T S) _ (fun t m => rfl) S
  rw [hS1, hb] at hown
  have hA : S1 "Acc" t = acc L b t T := by
    rw [hown]
    by_cases h0 : T = 0
    · subst h0; simp [staged, stagedV, ht, acc, forRange]
    · simp [staged, stagedV, ht, h0]; exact hS t ht (by omega)
  rw [hA, ← sum_step L b T t ht hT]
  apply forRange_congr
  intro j hj
  funext x
  simp only [step, hown, staged, stagedV]
  simp [show t / 16 * 16 + j < 256 by omega, show j * 16 + t % 16 < 256 by omega]

/-- All k-tiles. -/
theorem tiles_loop (hb : L.block = 256) (o : Mem α) (N : Nat) (hN : N ≤ (L.sizes "k" + 15) / 16) :
    ∃ S, forRange (fun T g => runPhase L b compute (runPhase L b stage g (Proofline.Kernel.bind (fun _ => 0) "t" T))
      (Proofline.Kernel.bind (fun _ => 0) "t" T)) N (o, fun _ _ => Scalar.zero) = (o, S) ∧
      (0 < N → ∀ t, t < 256 → S "Sum" t = acc L b t N) := by
  induction N with
  | zero => exact ⟨_, rfl, fun h => absurd h (Nat.lt_irrefl 0)⟩
  | succ N ih =>
    obtain ⟨S, hS, hacc⟩ := ih (by omega)
    obtain ⟨S', e, h'⟩ := iter L b hb N (by omega) o S (fun t ht hN => hacc hN t ht)
    refine ⟨S', ?_, fun _ => h'⟩
    simp only [forRange]
    rw [hS, e]

end

/-- Entry `g` of `C = A · B` as the spec says it. -/
def entry {α} [Scalar α] (L : Launch α) (g : Nat) : α :=
  dot (L.sizes "n") (L.sizes "k") (L.input "A") (L.input "B") (g / L.sizes "n") (g % L.sizes "n")

theorem block {α} [Scalar α] (L : Launch α) (hb : L.block = 256) (b : Nat) (o : Mem α) :
    (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
      = forRange (fun t (m : Mem α) => if writes L b t then m.set "C" (dst L b t) (entry L (dst L b t)) else m)
        L.block o := by
  simp only [kernel, runPhases, evalI]
  obtain ⟨S, hS, hacc⟩ := tiles_loop L b hb o ((L.sizes "k" + 15) / 16) (Nat.le_refl _)
  rw [hS]
  simp only [runPhase]
  refine (forRange_map Prod.fst L.block _ (fun t (m : Mem α) => if writes L b t then
      m.set "C" (dst L b t) (if 0 < L.sizes "k" then S "Sum" t else Scalar.zero) else m) (fun t x => ?_) _).trans ?_
  · simp only [write_out]
  · apply forRange_congr
    intro t ht
    funext m
    by_cases hw : writes L b t = true
    · simp only [hw, if_true]
      congr 1
      have hw' := hw
      simp only [writes, Bool.and_eq_true, decide_eq_true_eq] at hw'
      have e := row_col (colOf L b t) (rowOf L b t) (L.sizes "n") hw'.2
      simp only [entry, dst, e.1, e.2, dot]
      by_cases hk : 0 < L.sizes "k"
      · rw [if_pos hk, hacc (by omega) t (by omega), acc,
          show min ((L.sizes "k" + 15) / 16 * 16) (L.sizes "k") = L.sizes "k" by omega, forRange_sum]
        apply sumRange_congr
        intro p hp
        simp [prod, hw'.1, hw'.2, hp]
      · rw [if_neg hk, show L.sizes "k" = 0 by omega]; rfl
    · simp [hw]

/-- The writers, as one loop over the launch's threads `g = b * 256 + t`. -/
def writesG {α} (L : Launch α) (g : Nat) : Bool := writes L (g / 256) (g % 256)
def dstG {α} (L : Launch α) (g : Nat) : Nat := dst L (g / 256) (g % 256)

/-- Writers are told apart by their destinations. -/
theorem dst_inj {α} (L : Launch α) (b₁ t₁ b₂ t₂ : Nat) (h₁ : t₁ < 256) (h₂ : t₂ < 256)
    (w₁ : writes L b₁ t₁ = true) (w₂ : writes L b₂ t₂ = true) (h : dst L b₁ t₁ = dst L b₂ t₂) : b₁ = b₂ ∧ t₁ = t₂ := by
  simp only [writes, Bool.and_eq_true, decide_eq_true_eq] at w₁ w₂
  have e₁ := row_col _ (rowOf L b₁ t₁) _ w₁.2
  have e₂ := row_col _ (rowOf L b₂ t₂) _ w₂.2
  simp only [dst] at h
  have hr : rowOf L b₁ t₁ = rowOf L b₂ t₂ := by rw [← e₁.2, ← e₂.2, h]
  have hc : colOf L b₁ t₁ = colOf L b₂ t₂ := by rw [← e₁.1, ← e₂.1, h]
  simp only [rowOf, colOf] at hr hc
  have q : b₁ / Ac L = b₂ / Ac L := by omega
  have r : b₁ % Ac L = b₂ % Ac L := by omega
  refine ⟨?_, by omega⟩
  rw [← Nat.div_add_mod b₁ (Ac L), ← Nat.div_add_mod b₂ (Ac L), q, r]

theorem correct : Verified kernel pre spec := by
  intro α _ L ⟨hb, hg⟩
  constructor
  · intro p vs hp iv hiv b₁ t₁ b₂ t₂ a i h₁ h₂ hne
    simp only [kernel, InPhases] at hp
    rcases hp with ⟨ws, -, ⟨rfl, -⟩ | ⟨rfl, -⟩ | hf⟩ | ⟨rfl, -⟩ | hf
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [stage_out]), fun hb ⟨⟨_, s₁, w₁⟩, ⟨_, s₂, w₂⟩⟩ => ?_⟩
      simp only [stage_own] at w₁ w₂
      have e₁ := own_changed _ _ _ _ _ w₁
      have e₂ := own_changed _ _ _ _ _ w₂
      omega
    · refine ⟨fun ⟨⟨_, _, w⟩, _⟩ => w (by rw [compute_out]), fun hb ⟨⟨_, s₁, w₁⟩, ⟨_, s₂, w₂⟩⟩ => ?_⟩
      rw [compute_exec] at w₁ w₂
      have e₁ := set_changed_at _ _ _ _ _ _ w₁
      have e₂ := set_changed_at _ _ _ _ _ _ w₂
      omega
    · exact hf.elim
    · refine ⟨fun ⟨⟨_, s₁, w₁⟩, ⟨_, s₂, w₂⟩⟩ => ?_, fun _ ⟨⟨_, _, w⟩, _⟩ => w (by rw [write_shared])⟩
      rw [write_out] at w₁ w₂
      have e₁ := set_changed _ _ _ _ _ _ _ w₁
      have e₂ := set_changed _ _ _ _ _ _ _ w₂
      have := dst_inj L b₁ t₁ b₂ t₂ (by omega) (by omega) e₁.1 e₂.1 (e₁.2.trans e₂.2.symm)
      omega
    · exact hf.elim
  · intro out
    have hblk : ∀ b (o : Mem α), (runPhases L b kernel.phases (o, fun _ _ => Scalar.zero)).1
        = forRange (fun t => (fun g (m : Mem α) => if writesG L g then
            m.set "C" (dstG L g) (entry L (dstG L g)) else m) (b * 256 + t)) 256 o := by
      intro b o
      rw [block L hb, hb]
      apply forRange_congr
      intro t ht
      have e₁ : (b * 256 + t) / 256 = b := by omega
      have e₂ : (b * 256 + t) % 256 = t := by omega
      simp only [writesG, dstG, e₁, e₂]
    simp only [run, hblk]
    refine (forRange_blocks L.grid 256 (fun g (m : Mem α) => if writesG L g then
      m.set "C" (dstG L g) (entry L (dstG L g)) else m) out).trans ?_
    funext a i
    simp only [spec, Mem.fill]
    have hA : Ac L = (L.sizes "n" + 15) / 16 := rfl
    by_cases h : a = "C" ∧ i < L.sizes "m" * L.sizes "n"
    · rw [if_pos h, h.1]
      have hN : 0 < L.sizes "n" := Nat.pos_of_ne_zero fun h0 => by rw [h0, Nat.mul_zero] at h; omega
      have hr : i / L.sizes "n" < L.sizes "m" := (Nat.div_lt_iff_lt_mul hN).2 h.2
      have hc : i % L.sizes "n" < L.sizes "n" := Nat.mod_lt _ hN
      have hc' : i % L.sizes "n" / 16 < Ac L := by omega
      have eb := row_col (i % L.sizes "n" / 16) (i / L.sizes "n" / 16) (Ac L) hc'
      have hlt : i / L.sizes "n" / 16 * Ac L + i % L.sizes "n" / 16 < tiles (L.sizes "m") (L.sizes "n") := by
        have := Nat.mul_le_mul_right (Ac L) (show i / L.sizes "n" / 16 + 1 ≤ (L.sizes "m" + 15) / 16 by omega)
        rw [Nat.succ_mul] at this
        show _ < (L.sizes "m" + 15) / 16 * Ac L
        omega
      have e₁ : ((i / L.sizes "n" / 16 * Ac L + i % L.sizes "n" / 16) * 256
          + (i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16)) / 256
          = i / L.sizes "n" / 16 * Ac L + i % L.sizes "n" / 16 := by omega
      have e₂ : ((i / L.sizes "n" / 16 * Ac L + i % L.sizes "n" / 16) * 256
          + (i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16)) % 256
          = i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16 := by omega
      have f₁ : i / L.sizes "n" / 16 * 16 + (i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16) / 16
          = i / L.sizes "n" := by omega
      have f₂ : i % L.sizes "n" / 16 * 16 + (i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16) % 16
          = i % L.sizes "n" := by omega
      refine forRange_scatter_hit "C" (writesG L) (dstG L) _ out i
        ((i / L.sizes "n" / 16 * Ac L + i % L.sizes "n" / 16) * 256
          + (i / L.sizes "n" % 16 * 16 + i % L.sizes "n" % 16)) _ (by omega) ?_ ?_
      · simp only [writesG, writes, rowOf, colOf, e₁, e₂, eb.1, eb.2, f₁, f₂, Bool.and_eq_true, decide_eq_true_eq]
        exact ⟨hr, hc⟩
      · simp only [dstG, dst, rowOf, colOf, e₁, e₂, eb.1, eb.2, f₁, f₂]
        exact Nat.div_add_mod' i (L.sizes "n")
    · rw [if_neg h]
      refine forRange_scatter_miss "C" (writesG L) (dstG L) _ out a i _ ?_
      by_cases ha : a = "C"
      · refine Or.inr fun g _ hw he => h ⟨ha, ?_⟩
        simp only [writesG, writes, Bool.and_eq_true, decide_eq_true_eq] at hw
        simp only [dstG, dst] at he
        have := Nat.mul_le_mul_right (L.sizes "n") (show rowOf L (g / 256) (g % 256) + 1 ≤ L.sizes "m" by omega)
        rw [Nat.succ_mul] at this
        rw [← he]
        omega
      · exact Or.inl ha

end Proofline.Kernels.Matmul
