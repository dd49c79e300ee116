/-!
# Proofline kernel language

A kernel is a per-thread program over global arrays, run on a 1-D launch (`grid` blocks of `block`
threads). Inputs are read-only and outputs write-only (CUDA `const __restrict__` / plain pointers),
so no thread can observe another thread's global writes. A kernel is a list of *phases* separated by
`__syncthreads()`, and a phase may be a loop over phases (a barrier inside a loop: staged tiles), run
the same number of times by every thread of a block; shared arrays (one per name, `block` elements
each) written in a phase are read only in later phases, so running the threads of a phase one after
another, with shared reads taken from the snapshot at the phase start, is exactly what the GPU
computes. Locals do not live across barriers (a value a thread keeps goes in a shared slot of its
own). Write-write races on outputs are ruled out per kernel by a theorem (`RaceFree`).

Scalars are an abstract type with `zero`, `one`, `add`, `sub`, `mul`, `div`, `neg`, `max`, `exp`, `sqrt`
and a comparison `lt` (for `select`), all uninterpreted: a proof over it says the kernel computes the spec's
expression operation for operation, so it holds bit for bit for IEEE floats where CUDA's operation is the
one the oracle and the interpreter compute (`add`, `sub`, `mul`, `div`, `neg`, `sqrt` are correctly rounded;
`max` is `fmaxf`), within a tolerance where it is not (`expf`), and for wrapping 32-bit integers alike.
-/
namespace Proofline.Kernel

class Scalar (α : Type) where
  zero : α
  add : α → α → α
  mul : α → α → α
  max : α → α → α
  one : α
  sub : α → α → α
  div : α → α → α
  neg : α → α
  exp : α → α
  sqrt : α → α
  lt : α → α → Bool

/-- Index arithmetic (natural numbers). -/
inductive IExpr where
  | lit (n : Nat)
  | tid | bid | bdim | gdim
  | size (name : String)
  | ivar (name : String)
  | add (a b : IExpr) | mul (a b : IExpr) | div (a b : IExpr) | mod (a b : IExpr)

inductive Cond where
  | lt (a b : IExpr)
  | eq (a b : IExpr)
  | and (a b : Cond)

inductive VExpr where
  | zero
  | param (name : String)
  | var (name : String)
  | load (arr : String) (idx : IExpr)
  | loadShared (arr : String) (idx : IExpr)
  | add (a b : VExpr) | mul (a b : VExpr) | max (a b : VExpr)
  | one
  | sub (a b : VExpr) | div (a b : VExpr)
  | neg (a : VExpr) | exp (a : VExpr) | sqrt (a : VExpr)
  /-- `l < r ? t : e` on scalars -/
  | select (l r t e : VExpr)

inductive Stmt where
  | skip
  | seq (a b : Stmt)
  | ite (c : Cond) (t e : Stmt)
  | assign (x : String) (e : VExpr)
  | loop (i : String) (bound : IExpr) (body : Stmt)
  | store (arr : String) (idx : IExpr) (e : VExpr)
  | storeShared (arr : String) (idx : IExpr) (e : VExpr)

/-- What runs between barriers: a statement every thread runs (`sync`, followed by `__syncthreads()`), or a
loop `for i in [0, n)` over phases, with a barrier after each phase of each iteration. The bound is
evaluated once per block (the Java side refuses a bound that mentions `tid`, so every thread of a block
reaches every barrier equally often); `i` is an `ivar` in the body's statements. -/
inductive Phase where
  | sync (s : Stmt)
  | loop (i : String) (n : IExpr) (body : List Phase)

/-- A kernel. Array lengths and `work` (threads wanted; the grid is `⌈work / block⌉`) are not part of
the semantics (arrays are total functions here): the Java side uses them to allocate, bounds-check
and launch. Shared arrays have `block` elements each. -/
structure Kernel where
  name : String
  sizes : List String
  params : List String
  inputs : List (String × IExpr)
  outputs : List (String × IExpr)
  shared : List String
  work : IExpr
  phases : List Phase

/-- `f 0 + f 1 + … + f (n-1)`, added left to right starting from `zero`: how specs say "sum". -/
def sumRange {α} [Scalar α] (f : Nat → α) : Nat → α
  | 0 => Scalar.zero
  | n + 1 => Scalar.add (sumRange f n) (f n)

/-- The global thread index `blockIdx.x * blockDim.x + threadIdx.x`. -/
def IExpr.gid : IExpr := .add (.mul .bid .bdim) .tid

def VExpr.usesVars : VExpr → Bool
  | .var _ => true
  | .add a b | .mul a b | .max a b | .sub a b | .div a b => a.usesVars || b.usesVars
  | .neg a | .exp a | .sqrt a => a.usesVars
  | .select l r t e => l.usesVars || r.usesVars || t.usesVars || e.usesVars
  | _ => false

/-- `x := 0; for i in [0, n): x := x + e` -/
def Stmt.sumInto (x i : String) (n : IExpr) (e : VExpr) : Stmt :=
  .seq (.assign x .zero) (.loop i n (.assign x (.add (.var x) e)))

abbrev Mem (α : Type) := String → Nat → α

/-- Everything a launch fixes: its shape, sizes, scalar parameters and input arrays. -/
structure Launch (α : Type) where
  grid : Nat
  block : Nat
  sizes : String → Nat
  params : String → α
  input : Mem α

def Mem.set {α} (m : Mem α) (a : String) (i : Nat) (v : α) : Mem α :=
  fun a' i' => if a' = a ∧ i' = i then v else m a' i'

/-- `out` with `arr[i] := f i` for every `i < n`: how specs describe an output. -/
def Mem.fill {α} (m : Mem α) (arr : String) (n : Nat) (f : Nat → α) : Mem α :=
  fun a i => if a = arr ∧ i < n then f i else m a i

def bind (f : String → Nat) (x : String) (v : Nat) : String → Nat :=
  fun y => if y = x then v else f y

def evalI {α} (L : Launch α) (b t : Nat) (iv : String → Nat) : IExpr → Nat
  | .lit n => n
  | .tid => t
  | .bid => b
  | .bdim => L.block
  | .gdim => L.grid
  | .size s => L.sizes s
  | .ivar x => iv x
  | .add x y => evalI L b t iv x + evalI L b t iv y
  | .mul x y => evalI L b t iv x * evalI L b t iv y
  | .div x y => evalI L b t iv x / evalI L b t iv y
  | .mod x y => evalI L b t iv x % evalI L b t iv y

def evalC {α} (L : Launch α) (b t : Nat) (iv : String → Nat) : Cond → Bool
  | .lt x y => decide (evalI L b t iv x < evalI L b t iv y)
  | .eq x y => decide (evalI L b t iv x = evalI L b t iv y)
  | .and x y => evalC L b t iv x && evalC L b t iv y

/-- A thread's state within a phase. -/
structure State (α : Type) where
  locals : String → α
  out : Mem α
  shared : Mem α

def evalV {α} [Scalar α] (L : Launch α) (b t : Nat) (iv : String → Nat) (snap : Mem α)
    (loc : String → α) : VExpr → α
  | .zero => Scalar.zero
  | .param p => L.params p
  | .var x => loc x
  | .load a i => L.input a (evalI L b t iv i)
  | .loadShared a i => snap a (evalI L b t iv i)
  | .add x y => Scalar.add (evalV L b t iv snap loc x) (evalV L b t iv snap loc y)
  | .mul x y => Scalar.mul (evalV L b t iv snap loc x) (evalV L b t iv snap loc y)
  | .max x y => Scalar.max (evalV L b t iv snap loc x) (evalV L b t iv snap loc y)
  | .one => Scalar.one
  | .sub x y => Scalar.sub (evalV L b t iv snap loc x) (evalV L b t iv snap loc y)
  | .div x y => Scalar.div (evalV L b t iv snap loc x) (evalV L b t iv snap loc y)
  | .neg x => Scalar.neg (evalV L b t iv snap loc x)
  | .exp x => Scalar.exp (evalV L b t iv snap loc x)
  | .sqrt x => Scalar.sqrt (evalV L b t iv snap loc x)
  | .select l r x y => if Scalar.lt (evalV L b t iv snap loc l) (evalV L b t iv snap loc r)
      then evalV L b t iv snap loc x else evalV L b t iv snap loc y

/-- `for k in [0, n)`: iteration `k` runs after iterations `0 … k-1`. -/
def forRange {σ} (f : Nat → σ → σ) : Nat → σ → σ
  | 0, s => s
  | n + 1, s => f n (forRange f n s)

def exec {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) :
    (String → Nat) → Stmt → State α → State α
  | _, .skip, s => s
  | iv, .seq x y, s => exec L b t snap iv y (exec L b t snap iv x s)
  | iv, .ite c x y, s => if evalC L b t iv c then exec L b t snap iv x s else exec L b t snap iv y s
  | iv, .assign x e, s => { s with locals := fun y => if y = x then evalV L b t iv snap s.locals e else s.locals y }
  | iv, .loop i n body, s => forRange (fun k s => exec L b t snap (bind iv i k) body s) (evalI L b t iv n) s
  | iv, .store a i e, s => { s with out := s.out.set a (evalI L b t iv i) (evalV L b t iv snap s.locals e) }
  | iv, .storeShared a i e, s =>
      { s with shared := s.shared.set a (evalI L b t iv i) (evalV L b t iv snap s.locals e) }

/-- One phase of one block: its threads in order, locals fresh (zero) in each thread; `iv` binds the
variables of the phase loops around it (none: every one is `0`). -/
def runPhase {α} [Scalar α] (L : Launch α) (b : Nat) (p : Stmt) (g : Mem α × Mem α)
    (iv : String → Nat := fun _ => 0) : Mem α × Mem α :=
  forRange (fun t (g' : Mem α × Mem α) =>
    let s := exec L b t g.2 iv p ⟨fun _ => Scalar.zero, g'.1, g'.2⟩
    (s.out, s.shared)) L.block g

/-- Phases of one block in order; a loop's bound is evaluated once for the block (as thread 0 sees it). -/
def runPhases {α} [Scalar α] (L : Launch α) (b : Nat) (ps : List Phase) (g : Mem α × Mem α)
    (iv : String → Nat := fun _ => 0) : Mem α × Mem α :=
  match ps with
  | [] => g
  | .sync p :: ps => runPhases L b ps (runPhase L b p g iv) iv
  | .loop i n body :: ps =>
    runPhases L b ps (forRange (fun k g => runPhases L b body g (bind iv i k)) (evalI L b 0 iv n) g) iv

/-- A launch: blocks in order, each starting with fresh (zero) shared memory. -/
def run {α} [Scalar α] (k : Kernel) (L : Launch α) (out : Mem α) : Mem α :=
  forRange (fun b o => (runPhases L b k.phases (o, fun _ _ => Scalar.zero)).1) L.grid out

/-! ## The claim: race freedom and meeting the spec -/

/-- Thread `(b, t)` may change `proj` (outputs or shared memory) at `arr[i]` in phase `p`, with the
enclosing phase loops' variables bound by `iv`. -/
def MayWrite {α} [Scalar α] (L : Launch α) (p : Stmt) (proj : State α → Mem α) (b t : Nat) (a : String)
    (i : Nat) (iv : String → Nat := fun _ => 0) : Prop :=
  ∃ (snap : Mem α) (s : State α), proj (exec L b t snap iv p s) a i ≠ proj s a i

/-- `p` is a phase of `ps` inside phase loops over the variables `vs` (outermost first). -/
def InPhases (p : Stmt) : List String → List Phase → Prop
  | _, [] => False
  | vs, .sync q :: ps => (q = p ∧ vs = []) ∨ InPhases p vs ps
  | vs, .loop i _ body :: ps => (∃ ws, vs = i :: ws ∧ InPhases p ws body) ∨ InPhases p vs ps

/-- In every phase, under every binding of the phase loops around it (so in every iteration), no two
threads of the launch may write the same output location, and no two threads of a block the same shared
location, whatever the memory. -/
def RaceFree {α} [Scalar α] (k : Kernel) (L : Launch α) : Prop :=
  ∀ p vs, InPhases p vs k.phases → ∀ iv : String → Nat, (∀ x, x ∉ vs → iv x = 0) →
    ∀ b₁ t₁ b₂ t₂ a i, t₁ < L.block → t₂ < L.block → (b₁ ≠ b₂ ∨ t₁ ≠ t₂) →
    ¬ (MayWrite L p State.out b₁ t₁ a i iv ∧ MayWrite L p State.out b₂ t₂ a i iv) ∧
    (b₁ = b₂ → ¬ (MayWrite L p State.shared b₁ t₁ a i iv ∧ MayWrite L p State.shared b₂ t₂ a i iv))

/-- The claim checked for every kernel: for every scalar type and every launch meeting `pre`, the
kernel is race-free and running it from any output memory gives `spec`. -/
def Verified (k : Kernel) (pre : ∀ {α : Type}, Launch α → Prop)
    (spec : ∀ {α : Type} [Scalar α], Launch α → Mem α → Mem α) : Prop :=
  ∀ (α : Type) [Scalar α] (L : Launch α), pre L → RaceFree k L ∧ ∀ out, run k L out = spec L out

/-! ## Reassociating kernels: a weaker claim, over integer-like scalars

`Verified` holds for every scalar type, so a kernel proving it computes the spec's additions in the spec's
order. A kernel that reassociates (a tree reduction adds `x₀ + x₁` and `x₂ + x₃` before adding the two) can
prove only `VerifiedReassoc`: the same claim for the scalar types whose `add` is associative and
commutative with `zero` as its unit. Wrapping 32-bit integers are such a type (addition modulo 2³²), so for
`i32` the kernel's outputs equal the spec's exactly. IEEE floats are not (their addition is commutative but
not associative): for `f32` the claim proves nothing, and the outputs are only checked against the spec
and the baseline within a tolerance. Which claim a candidate may make is the task's to say (`task.json`'s
`"reassociation": "int-like"`), not the candidate's. -/

/-- The commutative-monoid laws of `add` and `zero`: what wrapping 32-bit integers satisfy and IEEE floats
do not (`add_assoc` fails for them). -/
class AddCommMonoidLaws (α : Type) [Scalar α] : Prop where
  add_assoc : ∀ a b c : α, Scalar.add (Scalar.add a b) c = Scalar.add a (Scalar.add b c)
  add_comm : ∀ a b : α, Scalar.add a b = Scalar.add b a
  zero_add : ∀ a : α, Scalar.add Scalar.zero a = a

/-- The claim for a kernel that reassociates sums: `Verified`'s, for every scalar type satisfying
`AddCommMonoidLaws` (exact for wrapping int32) instead of every scalar type. For floats it proves nothing:
a kernel claiming it is checked for `f32` by tolerance against the spec and its baseline, not proved. -/
def VerifiedReassoc (k : Kernel) (pre : ∀ {α : Type}, Launch α → Prop)
    (spec : ∀ {α : Type} [Scalar α], Launch α → Mem α → Mem α) : Prop :=
  ∀ (α : Type) [Scalar α] [AddCommMonoidLaws α] (L : Launch α), pre L → RaceFree k L ∧ ∀ out, run k L out = spec L out

/-- The weaker claim is weaker: a kernel that does not reassociate may claim either. -/
theorem Verified.reassoc {k : Kernel} {pre : ∀ {α : Type}, Launch α → Prop}
    {spec : ∀ {α : Type} [Scalar α], Launch α → Mem α → Mem α} (h : Verified k pre spec) : VerifiedReassoc k pre spec :=
  fun α _ _ L hL => h α L hL

/-- The laws are those of integers modulo 2³²: `UInt32`'s `0` and `+` satisfy them (the class is not
vacuous, and asks nothing wrapping int32 lacks). -/
theorem uint32_laws (s : Scalar UInt32) (h0 : s.zero = 0) (hadd : ∀ a b, s.add a b = a + b) :
    @AddCommMonoidLaws UInt32 s := by
  refine @AddCommMonoidLaws.mk UInt32 s ?_ ?_ ?_
  · intro a b c; simp only [hadd]; exact UInt32.add_assoc a b c
  · intro a b; simp only [hadd]; exact UInt32.add_comm a b
  · intro a; simp only [hadd, h0]; exact UInt32.zero_add a

section Laws
variable {α : Type} [Scalar α] [AddCommMonoidLaws α]
open AddCommMonoidLaws

theorem add_zero_law (a : α) : Scalar.add a Scalar.zero = a := by rw [add_comm, zero_add]

/-- `add (a + b) (c + d) = add (a + c) (b + d)`. -/
theorem add_add_add_comm_law (a b c d : α) :
    Scalar.add (Scalar.add a b) (Scalar.add c d) = Scalar.add (Scalar.add a c) (Scalar.add b d) := by
  rw [add_assoc, add_assoc]
  congr 1
  rw [← add_assoc, add_comm b c, add_assoc]

/-- A sum over `[0, a + n)` is the sum over `[0, a)` plus the sum over `[a, a + n)`. -/
theorem sumRange_split (f : Nat → α) (a n : Nat) :
    sumRange f (a + n) = Scalar.add (sumRange f a) (sumRange (fun i => f (a + i)) n) := by
  induction n with
  | zero => simp only [Nat.add_zero, sumRange, add_zero_law]
  | succ n ih => rw [← Nat.add_assoc, sumRange, ih, sumRange, add_assoc]

theorem sumRange_add (f g : Nat → α) (n : Nat) :
    sumRange (fun i => Scalar.add (f i) (g i)) n = Scalar.add (sumRange f n) (sumRange g n) := by
  induction n with
  | zero => simp only [sumRange, zero_add]
  | succ n ih => simp only [sumRange, ih, add_add_add_comm_law]

/-- One level of a tree reduction: adding element `i + s` onto element `i` for every `i < s` keeps the sum. -/
theorem sumRange_halve (f : Nat → α) (s : Nat) :
    sumRange f (2 * s) = sumRange (fun i => Scalar.add (f i) (f (i + s))) s := by
  rw [Nat.two_mul, sumRange_split, sumRange_add]
  simp only [Nat.add_comm _ s]

theorem sumRange_two (f : Nat → α) : sumRange f 2 = Scalar.add (f 0) (f 1) := by
  simp only [sumRange, zero_add]

end Laws

/-! ## Lemmas: phases -/

/-- Race freedom of a kernel without phase loops, phase by phase as before loops existed. -/
theorem raceFree_sync {α} [Scalar α] (k : Kernel) (L : Launch α) (ps : List Stmt) (hk : k.phases = ps.map .sync)
    (h : ∀ p, p ∈ ps → ∀ b₁ t₁ b₂ t₂ a i, t₁ < L.block → t₂ < L.block → (b₁ ≠ b₂ ∨ t₁ ≠ t₂) →
      ¬ (MayWrite L p State.out b₁ t₁ a i ∧ MayWrite L p State.out b₂ t₂ a i) ∧
      (b₁ = b₂ → ¬ (MayWrite L p State.shared b₁ t₁ a i ∧ MayWrite L p State.shared b₂ t₂ a i))) :
    RaceFree k L := by
  intro p vs hp iv hiv
  rw [hk] at hp
  have hs : ∀ qs : List Stmt, InPhases p vs (qs.map .sync) → p ∈ qs ∧ vs = [] := by
    intro qs; induction qs with
    | nil => intro h; simp only [List.map, InPhases] at h
    | cons q qs ih =>
      intro h
      simp only [List.map, InPhases] at h
      rcases h with ⟨e, hv⟩ | h
      · exact ⟨e ▸ List.mem_cons_self, hv⟩
      · exact ⟨List.mem_cons_of_mem _ (ih h).1, (ih h).2⟩
  obtain ⟨hq, hv⟩ := hs ps hp
  subst hv
  have : iv = fun _ => 0 := funext fun x => hiv x List.not_mem_nil
  subst this
  exact h p hq

/-! ## Lemmas: folds over threads -/

theorem forRange_add {σ} (f : Nat → σ → σ) (a n : Nat) (s : σ) :
    forRange f (a + n) s = forRange (fun i => f (a + i)) n (forRange f a s) := by
  induction n with
  | zero => rfl
  | succ n ih => rw [← Nat.add_assoc]; simp only [forRange, ih]

/-- Nested block/thread loops are one loop over global thread indices `b * bd + t`. -/
theorem forRange_blocks {σ} (g bd : Nat) (f : Nat → σ → σ) (s : σ) :
    forRange (fun b s => forRange (fun t => f (b * bd + t)) bd s) g s = forRange f (g * bd) s := by
  induction g with
  | zero => simp [forRange]
  | succ g ih => simp only [forRange, ih, Nat.succ_mul, forRange_add]

/-- What thread `g` of a pointwise kernel does: `arr[g] := F g` when `g < S`. -/
def setBelow {α} (arr : String) (S : Nat) (F : Nat → α) (g : Nat) (m : Mem α) : Mem α :=
  if g < S then m.set arr g (F g) else m

/-- Writing `F i` at `arr[i]` for every `i < S`, in index order, starting from `o`. -/
theorem forRange_pointwise {α} (N S : Nat) (arr : String) (F : Nat → α) (o : Mem α) :
    forRange (setBelow arr S F) N o
      = fun a i => if a = arr ∧ i < S ∧ i < N then F i else o a i := by
  induction N with
  | zero => funext a i; simp [forRange]
  | succ N ih =>
    simp only [forRange, ih, setBelow]
    funext a i
    by_cases h : N < S <;> by_cases ha : a = arr <;> by_cases hi : i = N <;>
      simp [h, ha, hi, Mem.set, Nat.lt_succ_iff_lt_or_eq]

theorem forRange_congr {σ} (n : Nat) (f g : Nat → σ → σ) (h : ∀ k, k < n → f k = g k) (s : σ) :
    forRange f n s = forRange g n s := by
  induction n with
  | zero => rfl
  | succ n ih => simp only [forRange]; rw [h n (Nat.lt_succ_self n), ih (fun k hk => h k (by omega))]

theorem forRange_set {α} (N : Nat) (arr : String) (F : Nat → α) (o : Mem α) :
    forRange (fun i (m : Mem α) => m.set arr i (F i)) N o
      = fun a i => if a = arr ∧ i < N then F i else o a i := by
  rw [forRange_congr N _ (setBelow arr N F) (fun k hk => by funext m; simp [setBelow, hk]), forRange_pointwise]
  funext a i; simp

/-- A loop seen through `f` (e.g. one component of a pair) is a loop on what `f` sees. -/
theorem forRange_map {β γ} (f : β → γ) (n : Nat) (F : Nat → β → β) (G : Nat → γ → γ)
    (hF : ∀ t x, f (F t x) = G t (f x)) (x : β) : f (forRange F n x) = forRange G n (f x) := by
  induction n with
  | zero => rfl
  | succ n ih => simp only [forRange, hF, ih]

/-- A loop where only iteration `0` acts. -/
theorem forRange_first {σ} (h : σ → σ) (n : Nat) (s : σ) :
    forRange (fun t s => if t = 0 then h s else s) n s = if 0 < n then h s else s := by
  induction n with
  | zero => rfl
  | succ n ih => by_cases hn : n = 0 <;> simp [forRange, ih, hn] <;> omega

theorem forRange_eq_foldl {σ} (f : Nat → σ → σ) (n : Nat) (s : σ) :
    forRange f n s = (List.range n).foldl (fun s i => f i s) s := by
  induction n with
  | zero => rfl
  | succ n ih => simp [forRange, ih, List.range_succ, List.foldl_append]

/-- `(b, t) ↦ b * bd + t` is injective on threads of a block. -/
theorem gid_inj (bd b₁ t₁ b₂ t₂ : Nat) (h₁ : t₁ < bd) (h₂ : t₂ < bd) (h : b₁ * bd + t₁ = b₂ * bd + t₂) :
    b₁ = b₂ ∧ t₁ = t₂ := by
  have hm := congrArg (· % bd) h
  have hd := congrArg (· / bd) h
  simp only [Nat.mul_comm _ bd, Nat.mul_add_mod, Nat.mod_eq_of_lt h₁, Nat.mod_eq_of_lt h₂] at hm
  have hpos : 0 < bd := by omega
  simp only [Nat.mul_comm _ bd, Nat.mul_add_div hpos, Nat.div_eq_of_lt h₁, Nat.div_eq_of_lt h₂] at hd
  omega

/-! ## Single-phase kernels where thread `g = b * block + t` writes `out[g] := F g` when `g < S` -/

/-- The whole claim for a pointwise kernel follows from what one thread does. -/
theorem verified_pointwise (k : Kernel) (p : Stmt) (hk : k.phases = [.sync p]) (arr : String)
    (S : ∀ {α : Type}, Launch α → Nat) (F : ∀ {α : Type} [Scalar α], Launch α → Nat → α)
    (hout : ∀ (α : Type) [Scalar α] (L : Launch α) b t snap (s : State α),
      (exec L b t snap (fun _ => 0) p s).out =
        if b * L.block + t < S L then s.out.set arr (b * L.block + t) (F L (b * L.block + t)) else s.out)
    (hshared : ∀ (α : Type) [Scalar α] (L : Launch α) b t snap (s : State α),
      (exec L b t snap (fun _ => 0) p s).shared = s.shared) :
    Verified k (fun L => S L ≤ L.grid * L.block) (fun L out => out.fill arr (S L) (F L)) := by
  intro α _ L hS
  constructor
  · refine raceFree_sync k L [p] hk fun q hq b₁ t₁ b₂ t₂ a i h₁ h₂ hne => ?_
    rw [List.mem_singleton] at hq
    subst hq
    refine ⟨fun ⟨⟨sn₁, s₁, w₁⟩, ⟨sn₂, s₂, w₂⟩⟩ => ?_, fun _ ⟨⟨sn, s, w⟩, _⟩ => w (by rw [hshared])⟩
    rw [hout] at w₁ w₂
    have e₁ : b₁ * L.block + t₁ = i := by
      apply Classical.byContradiction; intro hn; apply w₁; split <;> simp [Mem.set] <;> intros <;> omega
    have e₂ : b₂ * L.block + t₂ = i := by
      apply Classical.byContradiction; intro hn; apply w₂; split <;> simp [Mem.set] <;> intros <;> omega
    have := gid_inj L.block b₁ t₁ b₂ t₂ h₁ h₂ (by omega)
    omega
  · intro out
    simp only [run, hk, runPhases]
    have hb : (fun b (o : Mem α) => (runPhase L b p (o, fun _ _ => Scalar.zero)).1)
        = fun b o => forRange (fun t => setBelow arr (S L) (F L) (b * L.block + t)) L.block o := by
      funext b o
      exact forRange_map Prod.fst _ _ _ (fun t x => by simp only [hout, setBelow]) _
    rw [hb, forRange_blocks, forRange_pointwise]
    funext a i
    simp only [Mem.fill]
    by_cases ha : a = arr <;> by_cases hi : i < S L <;> simp [ha, hi] <;> omega

/-- A phase that leaves outputs alone and changes shared memory by `f t` in thread `t` (whatever the
thread's locals start as), under the loop binding `iv`. -/
theorem runPhase_shared {α} [Scalar α] (L : Launch α) (b : Nat) (iv : String → Nat) (p : Stmt)
    (f : Nat → Mem α → Mem α) (o S : Mem α)
    (hout : ∀ t s, (exec L b t S iv p s).out = s.out)
    (hsh : ∀ t s, (exec L b t S iv p s).shared = f t s.shared) :
    runPhase L b p (o, S) iv = (o, forRange f L.block S) := by
  simp only [runPhase]
  apply Prod.ext
  · refine (forRange_map Prod.fst L.block _ (fun _ (o : Mem α) => o) (fun t x => ?_) _).trans ?_
    · simp only [hout]
    · induction L.block with
      | zero => rfl
      | succ n ih => exact ih
  · exact forRange_map Prod.snd L.block _ _ (fun t x => by simp only [hsh]) _

/-- A phase that leaves outputs alone and has thread `t` write `arr[t] := v t` in shared memory (staging). -/
theorem runPhase_stage {α} [Scalar α] (L : Launch α) (b : Nat) (p : Stmt) (arr : String) (v : Nat → α) (o S : Mem α)
    (hout : ∀ t s, (exec L b t S (fun _ => 0) p s).out = s.out)
    (hsh : ∀ t s, (exec L b t S (fun _ => 0) p s).shared = s.shared.set arr t (v t)) :
    runPhase L b p (o, S) = (o, forRange (fun t (sh : Mem α) => sh.set arr t (v t)) L.block S) :=
  runPhase_shared L b _ p _ o S hout hsh

/-- A thread's guarded write `arr[j] := v` changes memory only at `j`, and only when it writes: what
race-freedom proofs need of it. -/
theorem set_changed {α} (m : Mem α) (c : Bool) (arr : String) (j : Nat) (v : α) (a : String) (i : Nat)
    (w : (if c then m.set arr j v else m) a i ≠ m a i) : c = true ∧ j = i := by
  cases c
  · exact absurd rfl w
  · refine ⟨rfl, Classical.byContradiction fun hn => w ?_⟩
    simp only [if_true, Mem.set]
    rw [if_neg (fun hw => hn hw.2.symm)]

/-- A write `arr[j] := v` changes memory only at `j`. -/
theorem set_changed_at {α} (m : Mem α) (arr : String) (j : Nat) (v : α) (a : String) (i : Nat)
    (w : m.set arr j v a i ≠ m a i) : j = i :=
  Classical.byContradiction fun hn => w (by simp only [Mem.set]; rw [if_neg (fun h => hn h.2.symm)])

/-! ## Kernels where thread `g` writes `arr[π g] := F (π g)` when `P g` (e.g. through a shared tile)

Every write puts `F` of its own index, so the order threads run in does not matter for the result: a
location holds `F i` if some thread writes it and keeps its old value if none does. -/

theorem forRange_scatter_hit {α} (arr : String) (P : Nat → Bool) (π : Nat → Nat) (F : Nat → α) (o : Mem α)
    (i g N : Nat) (hg : g < N) (hP : P g = true) (hπ : π g = i) :
    forRange (fun g (m : Mem α) => if P g then m.set arr (π g) (F (π g)) else m) N o arr i = F i := by
  induction N with
  | zero => omega
  | succ N ih =>
    simp only [forRange]
    by_cases hN : P N = true ∧ π N = i
    · rw [if_pos hN.1, ← hN.2]; simp [Mem.set]
    · have hgN : g ≠ N := fun h => hN (h ▸ ⟨hP, hπ⟩)
      have := ih (by omega)
      split
      · simp only [Mem.set]; split
        · rename_i h₁ h₂; exact absurd ⟨h₁, h₂.2.symm⟩ hN
        · exact this
      · exact this

theorem forRange_scatter_miss {α} (arr : String) (P : Nat → Bool) (π : Nat → Nat) (F : Nat → α) (o : Mem α)
    (a : String) (i N : Nat) (h : a ≠ arr ∨ ∀ g, g < N → P g = true → π g ≠ i) :
    forRange (fun g (m : Mem α) => if P g then m.set arr (π g) (F (π g)) else m) N o a i = o a i := by
  induction N with
  | zero => rfl
  | succ N ih =>
    have ih := ih (h.imp id fun h g hg => h g (by omega))
    simp only [forRange]
    split
    · simp only [Mem.set]; split
      · rename_i hP hw
        rcases h with h | h
        · exact absurd hw.1 h
        · exact absurd hw.2.symm (h N (by omega) hP)
      · exact ih
    · exact ih

/-- `j * R + i` with `i < R` is row `j`, column `i`. -/
theorem row_col (i j R : Nat) (h : i < R) : (j * R + i) % R = i ∧ (j * R + i) / R = j := by
  rw [Nat.add_comm]
  exact ⟨by rw [Nat.add_mul_mod_self_right, Nat.mod_eq_of_lt h],
    by rw [Nat.add_mul_div_right _ _ (by omega), Nat.div_eq_of_lt h, Nat.zero_add]⟩

/-- A block per row: thread `t` of block `b` writes `arr[b * cols + t] := F (b * cols + t)` when `b < rows` and
`t < cols`, with `cols` at most the block's `bd` threads; the launch fills `rows * cols` elements. -/
theorem forRange_rows {α} (arr : String) (rows cols bd grid : Nat) (F : Nat → α) (hc : 0 < cols) (hbd : cols ≤ bd)
    (hg : rows ≤ grid) (o : Mem α) :
    forRange (fun b o => forRange (fun t (m : Mem α) => if decide (b < rows) && decide (t < cols) then
      m.set arr (b * cols + t) (F (b * cols + t)) else m) bd o) grid o = o.fill arr (rows * cols) F := by
  have hb : ∀ b (o : Mem α), forRange (fun t (m : Mem α) => if decide (b < rows) && decide (t < cols) then
      m.set arr (b * cols + t) (F (b * cols + t)) else m) bd o
      = forRange (fun t => (fun g (m : Mem α) => if decide (g / bd < rows) && decide (g % bd < cols) then
          m.set arr (g / bd * cols + g % bd) (F (g / bd * cols + g % bd)) else m) (b * bd + t)) bd o := by
    intro b o
    apply forRange_congr
    intro t ht
    simp only [(row_col t b bd ht).1, (row_col t b bd ht).2]
  simp only [hb]
  refine (forRange_blocks grid bd (fun g (m : Mem α) => if decide (g / bd < rows) && decide (g % bd < cols) then
    m.set arr (g / bd * cols + g % bd) (F (g / bd * cols + g % bd)) else m) o).trans ?_
  funext a i
  simp only [Mem.fill]
  by_cases h : a = arr ∧ i < rows * cols
  · rw [if_pos h, h.1]
    have hr : i / cols < rows := (Nat.div_lt_iff_lt_mul hc).2 h.2
    have e := row_col (i % cols) (i / cols) bd (Nat.lt_of_lt_of_le (Nat.mod_lt _ hc) hbd)
    have hlt : i / cols * bd + i % cols < grid * bd := by
      have := Nat.mul_le_mul_right bd (show i / cols + 1 ≤ grid by omega)
      rw [Nat.succ_mul] at this
      have := Nat.mod_lt i hc
      omega
    refine forRange_scatter_hit arr _ (fun g => g / bd * cols + g % bd) _ o i (i / cols * bd + i % cols) _ hlt ?_ ?_
    · simp only [e.1, e.2, Bool.and_eq_true, decide_eq_true_eq]; exact ⟨hr, Nat.mod_lt _ hc⟩
    · simp only [e.1, e.2]; exact Nat.div_add_mod' i cols
  · rw [if_neg h]
    refine forRange_scatter_miss arr _ (fun g => g / bd * cols + g % bd) _ o a i _ ?_
    by_cases ha : a = arr
    · refine Or.inr fun g _ hw he => h ⟨ha, ?_⟩
      simp only [Bool.and_eq_true, decide_eq_true_eq] at hw
      have := Nat.mul_le_mul_right cols (show g / bd + 1 ≤ rows by omega)
      rw [Nat.succ_mul] at this
      have he : g / bd * cols + g % bd = i := he
      omega
    · exact Or.inl ha

/-- One 16 × 16 tile per block covers a `rows × cols` matrix when the grid has a block per tile. -/
theorem tiles_cover (rows cols grid : Nat) (h : (rows + 15) / 16 * ((cols + 15) / 16) ≤ grid) :
    rows * cols ≤ grid * 256 :=
  calc rows * cols ≤ ((rows + 15) / 16 * 16) * ((cols + 15) / 16 * 16) := Nat.mul_le_mul (by omega) (by omega)
    _ = (rows + 15) / 16 * ((cols + 15) / 16) * 256 := by rw [Nat.mul_mul_mul_comm]
    _ ≤ grid * 256 := Nat.mul_le_mul_right 256 h

/-- Threads that each write only their own slot `t` of some shared arrays (`P`), with values not read from
the memory they change: afterwards slot `i < N` of those arrays holds thread `i`'s value. -/
theorem forRange_own {α} (N : Nat) (P : String → Bool) (V : String → Nat → α) (f : Nat → Mem α → Mem α)
    (hf : ∀ t m, f t m = fun a i => if P a ∧ i = t then V a t else m a i) (S : Mem α) :
    forRange f N S = fun a i => if P a ∧ i < N then V a i else S a i := by
  induction N with
  | zero => funext a i; simp [forRange]
  | succ N ih =>
    simp only [forRange, ih, hf]
    funext a i
    by_cases hP : P a = true <;> by_cases hi : i = N
    · simp [hP, hi]
    · simp only [hP, hi, true_and, if_false]
      by_cases h : i < N
      · rw [if_pos h, if_pos (by omega)]
      · rw [if_neg h, if_neg (by omega)]
    · simp [hP]
    · simp [hP]

/-- A loop whose iterations act only while `j < m` is the loop over `min N m` iterations. -/
theorem forRange_guard {σ} (f : Nat → σ → σ) (m N : Nat) (s : σ) :
    forRange (fun j x => if j < m then f j x else x) N s = forRange f (min N m) s := by
  induction N with
  | zero => simp [forRange]
  | succ N ih =>
    simp only [forRange, ih]
    by_cases h : N < m
    · rw [if_pos h, Nat.min_eq_left (by omega : N + 1 ≤ m), Nat.min_eq_left (by omega : N ≤ m)]; rfl
    · rw [if_neg h, Nat.min_eq_right (by omega : m ≤ N + 1), Nat.min_eq_right (by omega : m ≤ N)]

/-! ## Loops that sum -/

theorem sumRange_congr {α} [Scalar α] (f g : Nat → α) (n : Nat) (h : ∀ k, k < n → f k = g k) :
    sumRange f n = sumRange g n := by
  induction n with
  | zero => rfl
  | succ n ih => simp only [sumRange, h n (Nat.lt_succ_self n), ih (fun k hk => h k (by omega))]

theorem forRange_sum {α} [Scalar α] (f : Nat → α) (n : Nat) :
    forRange (fun k a => Scalar.add a (f k)) n Scalar.zero = sumRange f n := by
  induction n with
  | zero => rfl
  | succ n ih => simp only [forRange, sumRange, ih]

theorem evalV_locals {α} [Scalar α] (L : Launch α) (b t : Nat) (iv : String → Nat) (snap : Mem α)
    (loc loc' : String → α) (e : VExpr) (h : e.usesVars = false) :
    evalV L b t iv snap loc e = evalV L b t iv snap loc' e := by
  induction e with
  | var => simp [VExpr.usesVars] at h
  | add a c iha ihc | mul a c iha ihc | max a c iha ihc | sub a c iha ihc | div a c iha ihc =>
    simp only [VExpr.usesVars, Bool.or_eq_false_iff] at h
    simp only [evalV, iha h.1, ihc h.2]
  | neg a ih | exp a ih | sqrt a ih =>
    simp only [VExpr.usesVars] at h
    simp only [evalV, ih h]
  | select l r x y ihl ihr ihx ihy =>
    simp only [VExpr.usesVars, Bool.or_eq_false_iff] at h
    simp only [evalV, ihl h.1.1.1, ihr h.1.1.2, ihx h.1.2, ihy h.2]
  | _ => rfl

/-- `for k in [0, N): x := x ⊕ e` where `e` reads no locals and `⊕` is `op` evaluating as `f`. -/
theorem exec_foldLoop {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (iv : String → Nat)
    (x i : String) (op : VExpr → VExpr → VExpr) (f : α → α → α)
    (hop : ∀ iv loc u v, evalV L b t iv snap loc (op u v) = f (evalV L b t iv snap loc u) (evalV L b t iv snap loc v))
    (e : VExpr) (h : e.usesVars = false) (N : Nat) (s : State α) :
    forRange (fun k s => exec L b t snap (bind iv i k) (.assign x (op (.var x) e)) s) N s =
      { s with locals := fun y => if y = x then
          forRange (fun k a => f a (evalV L b t (bind iv i k) snap s.locals e)) N (s.locals x)
        else s.locals y } := by
  induction N with
  | zero =>
    cases s with
    | mk l o sh => simp only [forRange, State.mk.injEq, and_true]; funext y; by_cases hy : y = x <;> simp [hy]
  | succ N ih =>
    rw [forRange, ih]
    simp only [exec, hop, evalV, forRange]
    congr 1
    funext y
    by_cases hy : y = x <;> simp [hy, evalV_locals L b t _ snap _ s.locals e h]

/-- `for k in [0, N): if c then x := x ⊕ e` where `e` reads no locals and `⊕` is `op` evaluating as `f`. -/
theorem exec_guardLoop {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (iv : String → Nat)
    (x i : String) (c : Cond) (op : VExpr → VExpr → VExpr) (f : α → α → α)
    (hop : ∀ iv loc u v, evalV L b t iv snap loc (op u v) = f (evalV L b t iv snap loc u) (evalV L b t iv snap loc v))
    (e : VExpr) (h : e.usesVars = false) (N : Nat) (s : State α) :
    forRange (fun k s => exec L b t snap (bind iv i k) (.ite c (.assign x (op (.var x) e)) .skip) s) N s =
      { s with locals := fun y => if y = x then
          forRange (fun k a => cond (evalC L b t (bind iv i k) c) (f a (evalV L b t (bind iv i k) snap s.locals e)) a) N (s.locals x)
        else s.locals y } := by
  induction N with
  | zero =>
    cases s with
    | mk l o sh => simp only [forRange, State.mk.injEq, and_true]; funext y; by_cases hy : y = x <;> simp [hy]
  | succ N ih =>
    rw [forRange, ih]
    cases hc : evalC L b t (bind iv i N) c
    · simp only [exec, forRange, hc, cond, Bool.false_eq_true, if_false]
    · simp only [exec, forRange, hc, cond, if_true, hop, evalV]
      congr 1
      funext y
      by_cases hy : y = x <;> simp [hy, evalV_locals L b t _ snap _ s.locals e h]

theorem exec_sumLoop {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (iv : String → Nat)
    (x i : String) (e : VExpr) (h : e.usesVars = false) (N : Nat) (s : State α) :
    forRange (fun k s => exec L b t snap (bind iv i k) (.assign x (.add (.var x) e)) s) N s =
      { s with locals := fun y => if y = x then
          forRange (fun k a => Scalar.add a (evalV L b t (bind iv i k) snap s.locals e)) N (s.locals x)
        else s.locals y } :=
  exec_foldLoop L b t snap iv x i .add Scalar.add (fun _ _ _ _ => rfl) e h N s

theorem exec_sumInto {α} [Scalar α] (L : Launch α) (b t : Nat) (snap : Mem α) (iv : String → Nat)
    (x i : String) (n : IExpr) (e : VExpr) (h : e.usesVars = false) (s : State α) :
    exec L b t snap iv (.sumInto x i n e) s =
      { s with locals := fun y => if y = x then
          forRange (fun k a => Scalar.add a (evalV L b t (bind iv i k) snap s.locals e)) (evalI L b t iv n) Scalar.zero
        else s.locals y } := by
  rw [Stmt.sumInto, exec.eq_2, exec.eq_5, exec_sumLoop L b t snap iv x i e h]
  simp only [exec.eq_4, evalV]
  congr 1
  funext y
  by_cases hy : y = x <;> simp [hy, evalV_locals L b t _ snap _ s.locals e h]

/-! ## The oracle: specs evaluated on concrete inputs (plain recursion: this is run by `#eval`)

`F32` is IEEE binary32 (`max` as CUDA's `fmaxf`: a NaN operand yields the other one) and `I32` wrapping
32-bit integers, both held as their bit patterns so that inputs and outputs cross as numbers. -/

structure F32 where bits : Nat
structure I32 where bits : Nat

/-- Lean's `Float32` on bit patterns: the operations CUDA's are compared with. Each is written applied in
full: this build has no code for a `Float32` operation passed as a function. -/
def F32.f (a : F32) : Float32 := Float32.ofBits a.bits.toUInt32
def F32.of (x : Float32) : F32 := ⟨x.toBits.toNat⟩

instance : Scalar F32 where
  zero := ⟨0⟩
  one := ⟨0x3f800000⟩
  add a b := F32.of (a.f + b.f)
  sub a b := F32.of (a.f - b.f)
  mul a b := F32.of (a.f * b.f)
  div a b := F32.of (a.f / b.f)
  neg a := F32.of (-a.f)
  exp a := F32.of a.f.exp
  sqrt a := F32.of a.f.sqrt
  max a b := if a.f.isNaN then b else if b.f.isNaN then a else if a.f < b.f then b else a
  lt a b := a.f < b.f

def I32.signed (a : I32) : Int := if a.bits < 2147483648 then a.bits else (a.bits : Int) - 4294967296
def I32.ofInt (i : Int) : I32 := ⟨(i % 4294967296).toNat⟩

/-- Wrapping 32-bit integers. `div` truncates as C does (and is 0 for a zero divisor, which CUDA leaves
undefined); `exp` and `sqrt` have no integer meaning and are the identity: tasks using them test `f32` only. -/
instance : Scalar I32 where
  zero := ⟨0⟩
  one := ⟨1⟩
  add a b := ⟨(a.bits + b.bits) % 4294967296⟩
  sub a b := I32.ofInt (a.signed - b.signed)
  mul a b := ⟨(a.bits * b.bits) % 4294967296⟩
  div a b := I32.ofInt (a.signed.tdiv b.signed)
  neg a := I32.ofInt (- a.signed)
  exp a := a
  sqrt a := a
  max a b := if a.signed < b.signed then b else a
  lt a b := decide (a.signed < b.signed)

def hexDigit (c : Char) : Nat := if c.toNat ≤ 57 then c.toNat - 48 else c.toNat - 87

/-- 32-bit words written as 8 lower-case hex digits each. -/
def hexWords : List Char → List Nat
  | a :: b :: c :: d :: e :: f :: g :: h :: rest =>
    (((((((hexDigit a * 16 + hexDigit b) * 16 + hexDigit c) * 16 + hexDigit d) * 16 + hexDigit e) * 16 + hexDigit f) * 16
      + hexDigit g) * 16 + hexDigit h) :: hexWords rest
  | _ => []

def nth : List Nat → Nat → Nat
  | [], _ => 0
  | x :: _, 0 => x
  | _ :: xs, i + 1 => nth xs i

/-- `arr[i], …, arr[i + n - 1]` of `m` as bit patterns, each after a comma. -/
def dumpFrom {α} (bits : α → Nat) (m : Mem α) (arr : String) (i : Nat) : Nat → String
  | 0 => ""
  | k + 1 => "," ++ toString (bits (m arr i)) ++ dumpFrom bits m arr (i + 1) k

end Proofline.Kernel
