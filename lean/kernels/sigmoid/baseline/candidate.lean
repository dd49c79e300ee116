namespace Proofline.Kernels.SigmoidBaseline
open Proofline.Kernel Proofline.Tasks.Sigmoid

/-- Element `j` of thread `g`'s chunk: `4 g + j`. -/
def idx : IExpr := .add (.mul .gid (.lit 4)) (.ivar "j")

/-- What `sigmoid` is timed against for the S score: thread `g` computes the four consecutive elements
`4g … 4g + 3`, so a warp's loads and stores are strided by 16 bytes instead of coalesced, and only the first
quarter of the threads work. It asks for the launch `sigmoid` asks for, so both meet the task's `pre`. -/
def phase : Stmt := .loop "j" (.lit 4) (.ite (.lt idx (.size "n"))
  (.store "out" idx (.div .one (.add .one (.exp (.neg (.load "x" idx)))))) .skip)

def kernel : Kernel where
  name := "sigmoid_baseline"
  sizes := ["n"]
  params := []
  inputs := [("x", .size "n")]
  outputs := [("out", .size "n")]
  shared := []
  work := .size "n"
  phases := [.sync phase]

/-- Thread `g`'s chunk, as writes to memory. -/
def chunk {α} [Scalar α] (L : Launch α) (g : Nat) (m : Mem α) : Mem α :=
  forRange (fun j (m : Mem α) => if g * 4 + j < L.sizes "n" then
    m.set "out" (g * 4 + j) (sigmoid (L.input "x") (g * 4 + j)) else m) 4 m

/-- A thread writes its chunk and nothing else. -/
theorem exec_thread {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (s : State α) :
    exec L b t snap (fun _ => 0) (phase) s = { s with out := chunk L (b * L.block + t) s.out } := by
  have h : ∀ n (s : State α), forRange (fun k s => exec L b t snap (bind (fun _ => 0) "j" k)
      (.ite (.lt idx (.size "n")) (.store "out" idx (.div .one (.add .one (.exp (.neg (.load "x" idx)))))) .skip) s) n s
      = { s with out := forRange (fun j (m : Mem α) => if (b * L.block + t) * 4 + j < L.sizes "n" then
          m.set "out" ((b * L.block + t) * 4 + j) (sigmoid (L.input "x") ((b * L.block + t) * 4 + j)) else m) n s.out } := by
    intro n
    induction n with
    | zero => intro s; rfl
    | succ n ih =>
      intro s
      simp only [forRange, ih]
      by_cases hc : (b * L.block + t) * 4 + n < L.sizes "n" <;>
        simp [hc, exec, evalC, evalI, evalV, idx, IExpr.gid, Kernel.bind, sigmoid]
  exact h 4 s

theorem chunk_changed {α} [Scalar α] (L : Launch α) (g : Nat) (m : Mem α) (a : String) (i : Nat)
    (w : chunk L g m a i ≠ m a i) : a = "out" ∧ i / 4 = g := by
  have hs : chunk L g m = forRange (fun j (m : Mem α) => if (fun j => decide (g * 4 + j < L.sizes "n")) j then
      m.set "out" ((fun j => g * 4 + j) j) (sigmoid (L.input "x") ((fun j => g * 4 + j) j)) else m) 4 m := by
    simp only [chunk, decide_eq_true_eq]
  rw [hs] at w
  by_cases ha : a = "out"
  · refine ⟨ha, Classical.byContradiction fun hi => w ?_⟩
    refine forRange_scatter_miss "out" (fun j => decide (g * 4 + j < L.sizes "n")) (fun j => g * 4 + j)
      (sigmoid (L.input "x")) m a i 4 (Or.inr fun j hj _ he => hi ?_)
    have he : g * 4 + j = i := he
    omega
  · exact absurd (forRange_scatter_miss "out" (fun j => decide (g * 4 + j < L.sizes "n")) (fun j => g * 4 + j)
      (sigmoid (L.input "x")) m a i 4 (Or.inl ha)) w

theorem correct : Verified kernel pre spec := by
  intro α _ L hS
  have hp : kernel.phases = [.sync phase] := rfl
  constructor
  · refine raceFree_sync kernel L [phase] rfl fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    rw [List.mem_singleton] at hq
    subst hq
    refine ⟨fun ⟨⟨sn₁, s₁, w₁⟩, ⟨sn₂, s₂, w₂⟩⟩ => ?_, fun _ ⟨⟨sn, s, w⟩, _⟩ => w (by rw [exec_thread])⟩
    rw [exec_thread] at w₁ w₂
    have e₁ := (chunk_changed L _ _ a i w₁).2
    have e₂ := (chunk_changed L _ _ a i w₂).2
    have := gid_inj L.block b₁ t₁ b₂ t₂ h₁ h₂ (by omega)
    omega
  · intro out
    simp only [run, hp, runPhases]
    have hb : (fun b (o : Mem α) => (runPhase L b phase (o, fun _ _ => Scalar.zero)).1)
        = fun b o => forRange (fun t => chunk L (b * L.block + t)) L.block o := by
      funext b o
      exact forRange_map Prod.fst _ _ _ (fun t x => by simp only [exec_thread]) _
    rw [hb, forRange_blocks]
    have hc : ∀ (o : Mem α), forRange (chunk L) (L.grid * L.block) o
        = forRange (setBelow "out" (L.sizes "n") (sigmoid (L.input "x"))) (L.grid * L.block * 4) o := by
      intro o
      rw [← forRange_blocks (L.grid * L.block) 4]
      rfl
    rw [hc, forRange_pointwise]
    funext a i
    simp only [spec, Mem.fill]
    have hn : L.sizes "n" ≤ L.grid * L.block := hS
    by_cases h : a = "out" ∧ i < L.sizes "n"
    · rw [if_pos ⟨h.1, h.2, by omega⟩, if_pos h]
    · rw [if_neg (fun h' => h ⟨h'.1, h'.2.1⟩), if_neg h]

end Proofline.Kernels.SigmoidBaseline
