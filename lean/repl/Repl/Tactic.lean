/-
Tactic mode, as the community REPL has it: a proof state is a goal list with everything needed to run a
tactic on it (Lean's Core, Meta, Term and Tactic states and contexts). Proof states come from the `sorry`s
of a command, found in its info trees, and from running tactics on earlier proof states. A proof is
"Completed" only when the kernel has accepted the assembled term as a declaration.
-/
module
public import Repl.Frontend
public import Lean.Util.CollectFVars
public import Lean.Util.CollectLevelParams
public section
open Lean Elab

structure ProofState where
  coreState : Core.State
  coreContext : Core.Context
  metaState : Meta.State
  metaContext : Meta.Context
  termState : Term.State
  termContext : Term.Context
  tacticState : Tactic.State
  tacticContext : Tactic.Context
  rootGoals : List MVarId

/-- A proof state at `goals` (and fresh goals of `types`) in `ctx`, whose environment is `env`: the one the
command started from, so that a proof cannot mention the declaration it proves. -/
def freshGoals : List Expr → MetaM (List MVarId)
  | [] => pure []
  | t :: ts => do return (← Meta.mkFreshExprMVar (some t)).mvarId! :: (← freshGoals ts)

/-- `x` in the context an info tree recorded, as `ContextInfo.runMetaM` (whose code this build lacks). -/
def runInContext (ctx : ContextInfo) (lctx : LocalContext) (x : MetaM α) : IO α := do
  -- (this build's parser takes a structure instance over several lines only without commas)
  let core : Core.Context := { currNamespace := ctx.currNamespace, openDecls := ctx.openDecls
                               fileName := "<InfoTree>", fileMap := default
                               initHeartbeats := ← IO.getNumHeartbeats, options := ctx.options }
  let ((a, _), _) ← (x.run { lctx } { mctx := ctx.mctx }).toIO core { env := ctx.env, ngen := ctx.ngen }
  return a

def ProofState.create (ctx : ContextInfo) (lctx : LocalContext) (env : Environment) (goals : List MVarId)
    (rootGoals? : Option (List MVarId)) (types : List Expr) : IO ProofState :=
  runInContext ctx lctx do
    let fresh ← freshGoals types
    let goals := appendL goals fresh
    let s ← getThe Core.State
    return { coreState := { s with env }, coreContext := ← readThe Core.Context, metaState := ← getThe Meta.State
             metaContext := ← readThe Meta.Context, termState := {}, termContext := {}, tacticState := { goals }
             tacticContext := { elaborator := .anonymous }, rootGoals := rootGoals?.getD goals }

def ProofState.runMetaM (p : ProofState) (x : MetaM α) : IO (α × ProofState) := do
  -- heartbeats count from now: a long line of tactics must not add up to one limit
  let coreContext := { p.coreContext with initHeartbeats := ← IO.getNumHeartbeats }
  let ((a, metaState), coreState) ← (x.run p.metaContext p.metaState).toIO coreContext p.coreState
  return (a, { p with coreState, metaState })

/-- `src` parsed as a tactic and run on the goals of `p`. -/
def ProofState.runTactic (p : ProofState) (src : String) : IO ProofState := do
  match Parser.runParserCategory p.coreState.env `tactic src with
  | .error e => throw (IO.userError e)
  | .ok stx =>
    let term : TermElabM (Unit × Tactic.State) := do
      let r ← (Tactic.evalTactic stx p.tacticContext).run p.tacticState
      Term.synthesizeSyntheticMVarsNoPostponing
      pure r
    -- `TermElabM.run`, written out: its code is missing in this build
    let (((_, tacticState), termState), p') ← p.runMetaM ((term p.termContext).run p.termState)
    return { p' with tacticState, termState }

def ppGoalsM : List MVarId → MetaM (List Json)
  | [] => pure []
  | g :: gs => do return Json.str (toString (← Meta.ppGoal g)) :: (← ppGoalsM gs)

def ProofState.goalsJson (p : ProofState) : IO (List Json) := do
  return (← p.runMetaM (ppGoalsM p.tacticState.goals)).1

def joinLines : List Json → String
  | [] => ""
  | [.str s] => s
  | .str s :: rest => s ++ "\n" ++ joinLines rest
  | _ :: rest => joinLines rest

/-- The free variables of `e` that are in the local context, as `mkLambdaFVars` wants them. -/
def fvarsIn (lctx : LocalContext) (e : Expr) : Array Expr :=
  let ids := (collectFVars {} e).fvarSet
  arrayOf #[] (filterMapL (fun d => if !d.isImplementationDetail && ids.contains d.fvarId then some (Expr.fvar d.fvarId) else none)
    (filterMapL id (paList lctx.decls)))

/-- `e` with every free variable of the context it mentions abstracted, until none is left: abstracting
one can bring in others through its type (`h : x = 2` brings `x`). -/
partial def abstractFVars (e : Expr) : MetaM Expr := do
  if !e.hasFVar then return e
  let fvars := fvarsIn (← getLCtx) e
  if fvars.size == 0 then return e
  abstractFVars (← Meta.mkLambdaFVars fvars e)

def anonymousDefn (type value : Expr) (levels : List Name) : Declaration :=
  .defnDecl { name := .anonymous, type, value, levelParams := levels, hints := .opaque, safety := .safe }

/-- How far the proof of the root goal is: "Completed" only when the kernel accepted it. -/
def ProofState.status (p : ProofState) : IO String := do
  match p.tacticState.goals, p.rootGoals with
  | _ :: _, _ => return "Incomplete: open goals remain"
  | [], [root] =>
    -- in the root goal's local context (`MVarId.withContext`'s code is missing in this build)
    let p := match p.metaState.mctx.findDecl? root with
      | some d => { p with metaContext := { p.metaContext with lctx := d.lctx, localInstances := d.localInstances } }
      | none => p
    let r ← p.runMetaM (do
      match p.metaState.mctx.getExprAssignmentCore? root with
      | none => return "Error: Goal not assigned"
      | some pf => do
        let pf ← instantiateMVars pf
        let pft ← instantiateMVars (← Meta.inferType pf)
        let expected ← instantiateMVars (← Meta.inferType (mkMVar root))
        unless ← Meta.isDefEq pft expected do
          return s!"Error: proof has type {← Meta.ppExpr pft} but root goal has type {← Meta.ppExpr expected}"
        let pf ← abstractFVars pf
        let pft ← instantiateMVars (← Meta.inferType pf)
        if pf.hasExprMVar then return "Incomplete: contains metavariable(s)"
        let levels := (collectLevelParams (collectLevelParams {} pft) pf).params
        try addDecl (anonymousDefn pft pf (listOf levels))
        catch ex => return s!"Error: kernel type check failed: {← ex.toMessageData.toString}"
        if pf.hasSorry then return "Incomplete: contains sorry"
        return "Completed")
    return r.1
  | [], _ => return "Not verified: more than one initial goal"

/-! Sorries: where a command or tactic left a `sorry`, found in the info trees, each with the goal it
stands for. Tactic `sorry`s first, then term `sorry`s with a known expected type, tree by tree. -/

inductive SorryAt where
  | tactic (g : MVarId)
  | term (lctx : LocalContext) (type : Expr)
  /-- a tactic block's goals, its root goals too -/
  | goals (gs : List MVarId)

/-- A `sorry`: the context it was elaborated in, what it closes, and where it is. -/
structure FoundSorry where
  ctx : ContextInfo
  at_ : SorryAt
  pos : Position
  endPos : Position

def stxRange (fm : FileMap) (stx : Syntax) : Position × Position :=
  let pos := stx.getPos?.getD 0
  (fm.toPosition pos, fm.toPosition (stx.getTailPos?.getD pos))

def isSorryTactic (stx : Syntax) : Bool := stx.getKind == ``Lean.Parser.Tactic.tacticSorry
def isSorryTerm (stx : Syntax) : Bool := stx.getKind == ``Lean.Parser.Term.sorry

mutual
/-- `sorry` tactics with a goal (`tactics`), or `sorry` terms outside them (not `tactics`), under `t`. -/
partial def sorriesIn (tactics : Bool) (ctx? : Option ContextInfo) (t : InfoTree) (acc : List FoundSorry) :
    List FoundSorry :=
  match t with
  | .context pci t => sorriesIn tactics (pci.mergeIntoOuter? ctx?) t acc
  | .node info children =>
    let acc := match info, ctx? with
      | .ofTacticInfo i, some ctx =>
        if tactics && isSorryTactic i.stx then
          match i.goalsBefore with
          | g :: _ =>
            let (pos, endPos) := stxRange ctx.fileMap i.stx
            { ctx := { ctx with mctx := i.mctxBefore, ngen := ctx.ngen.mkChild.1 }, at_ := .tactic g, pos, endPos } :: acc
          | [] => acc
        else acc
      | .ofTermInfo i, some ctx =>
        match tactics, isSorryTerm i.stx, i.expectedType? with
        | false, true, some type =>
          let (pos, endPos) := stxRange ctx.fileMap i.stx
          { ctx, at_ := .term i.lctx type, pos, endPos } :: acc
        | _, _, _ => acc
      | _, _ => acc
    let stop := match info with | .ofTacticInfo i => !tactics && isSorryTactic i.stx | _ => false
    if stop then acc else sorriesInChildren tactics ctx? (arrayOf #[] (paList children)) 0 acc
  | .hole _ => acc
partial def sorriesInChildren (tactics : Bool) (ctx? : Option ContextInfo) (ts : Array InfoTree) (i : Nat)
    (acc : List FoundSorry) : List FoundSorry :=
  if h : i < ts.size then sorriesInChildren tactics ctx? ts (i + 1) (sorriesIn tactics ctx? ts[i] acc) else acc
end

/-- The goals of each tactic block, where its first tactic starts (`"rootGoals": true`): the theorem as a
proof state, whatever its proof. -/
partial def rootGoalsIn (ctx? : Option ContextInfo) (t : InfoTree) (acc : List FoundSorry) : List FoundSorry :=
  match t with
  | .context pci t => rootGoalsIn (pci.mergeIntoOuter? ctx?) t acc
  | .node (.ofTacticInfo i) children =>
    match ctx? with
    | some ctx =>
      let (pos, _) := stxRange ctx.fileMap i.stx
      { ctx := { ctx with mctx := i.mctxBefore, ngen := ctx.ngen.mkChild.1 }, at_ := .goals i.goalsBefore, pos,
        endPos := pos } :: acc
    | none => foldlL (fun acc t => rootGoalsIn ctx? t acc) acc (paList children)
  | .node _ children => foldlL (fun acc t => rootGoalsIn ctx? t acc) acc (paList children)
  | .hole _ => acc

/-- What `walk` finds in each tree (in front of what it is given, latest first), in the order found. -/
def collectIn (walk : InfoTree → List α → List α) : List InfoTree → List α
  | [] => []
  | t :: ts => appendL (reverseL (walk t []) []) (collectIn walk ts)

def findRootGoals : List InfoTree → List FoundSorry := collectIn (rootGoalsIn none)

/-- A tree's tactic `sorry`s, then its term `sorry`s. -/
def findSorries : List InfoTree → List FoundSorry :=
  collectIn (fun t acc => sorriesIn false none t (sorriesIn true none t acc))

/-- The proof states kept so far; `none` once dropped. -/
structure ProofStates where
  states : IO.Ref (Array (Option ProofState))

def ProofStates.keep (ps : ProofStates) (p : ProofState) : IO Nat := keepIn ps.states p

def ProofStates.get? (ps : ProofStates) (i : Nat) : IO (Option ProofState) := do
  return ((← ps.states.get)[i]?).join

/-- Each sorry as `{"pos", "endPos", "goal", "proofState"}`, its proof state kept (`withPos` false: in
tactic mode, where positions are the tactic text's, none is given). A proof state's environment is `env`,
the one the command started from: the info trees' contexts are saved after the declaration was added, and
a proof state there could prove a theorem by itself. -/
def sorriesJson (ps : ProofStates) (env : Environment) (rootGoals? : Option (List MVarId)) (withPos : Bool) :
    List FoundSorry → IO (List Json)
  | [] => pure []
  | s :: rest => do
    let p ← match s.at_ with
      | .tactic g => do
        let lctx ← runInContext s.ctx {} do
          match (← getMCtx).findDecl? g with
          | some d => pure d.lctx
          | none => throwError "unknown metavariable"
        ProofState.create s.ctx lctx env [g] rootGoals? []
      | .term lctx type => ProofState.create s.ctx lctx env [] rootGoals? [type]
      | .goals gs => ProofState.create s.ctx {} env gs (some gs) []
    let goal := joinLines (← p.goalsJson)
    let id ← ps.keep p
    let fields : List (String × Json) := [("goal", goal), ("proofState", id)]
    let fields := if withPos then appendL fields [("pos", posJson s.pos), ("endPos", posJson s.endPos)] else fields
    return Json.mkObj fields :: (← sorriesJson ps env rootGoals? withPos rest)

/-! All tactics (`"allTactics": true`): every tactic of the source that is not a mere combinator, with the
goals before it as a proof state, as the community REPL lists them. -/

/-- Kinds of tactic syntax that only combine or structure others. -/
def combinatorKinds : List Name :=
  [`null, ``Lean.cdot, ``Lean.cdotTk, ``Lean.Parser.Term.byTactic, ``Lean.Parser.Tactic.tacticSeq,
   ``Lean.Parser.Tactic.tacticSeq1Indented, ``Lean.Parser.Tactic.«tactic_<;>_», ``Lean.Parser.Tactic.paren]

def isSubstantive (stx : Syntax) : Bool :=
  match stx with
  | .node _ k _ => !memN k combinatorKinds
  | _ => false

def isOriginal (stx : Syntax) : Bool :=
  match stx.getHeadInfo with
  | .original .. => true
  | _ => false

/-- A tactic of the source: its context, syntax and the goals before and after it. -/
structure FoundTactic where
  ctx : ContextInfo
  info : TacticInfo

partial def tacticsIn (ctx? : Option ContextInfo) (t : InfoTree) (acc : List FoundTactic) : List FoundTactic :=
  match t with
  | .context pci t => tacticsIn (pci.mergeIntoOuter? ctx?) t acc
  | .node info children =>
    let acc := match info, ctx? with
      | .ofTacticInfo i, some ctx => if isOriginal i.stx && isSubstantive i.stx then ⟨ctx, i⟩ :: acc else acc
      | _, _ => acc
    foldlL (fun acc t => tacticsIn ctx? t acc) acc (paList children)
  | .hole _ => acc

def findTactics : List InfoTree → List FoundTactic := collectIn (tacticsIn none)

/-- `n` added to `l`, ordered as a `NameSet` iterates (by hash; `NameSet`'s own operations are helpers
this build lacks). -/
def insertName (n : Name) : List Name → List Name
  | [] => [n]
  | m :: ms => if n == m then m :: ms else if n.hash < m.hash then n :: m :: ms else m :: insertName n ms

/-- The constants the tactic's assignments of its goals use, following the metavariables they mention. -/
partial def assignedConstants (mctx : MetavarContext) (mvars : List MVarId) (acc : List Name) : List Name :=
  let assigned := filterMapL (fun m => mctx.getExprAssignmentCore? m) mvars
  match assigned with
  | [] => acc
  | _ =>
    let acc := foldlL (fun acc (e : Expr) => foldlL (fun acc n => insertName n acc) acc (listOf e.getUsedConstants)) acc assigned
    let children := foldlL (fun (l : List MVarId) (e : Expr) => appendL l (listOf (e.collectMVars {}).result)) [] assigned
    assignedConstants mctx children acc

partial def tacticsJson (ps : ProofStates) (env : Environment) : List FoundTactic → IO (List Json)
  | [] => pure []
  | t :: rest => do
    let ctx := { t.ctx with mctx := t.info.mctxBefore, ngen := t.ctx.ngen.mkChild.1 }
    let p ← ProofState.create ctx {} env t.info.goalsBefore (some t.info.goalsBefore) []
    let goals := match ← p.goalsJson with
      | [] => "no goals"
      | gs => joinLines gs
    let tactic ← try
        pure (toString (← runInContext ctx {} (PrettyPrinter.ppTactic ⟨t.info.stx⟩)))
      catch _ => pure "<failed to pretty print>"
    let (pos, endPos) := stxRange ctx.fileMap t.info.stx
    let used := assignedConstants t.info.mctxAfter t.info.goalsBefore []
    let id ← ps.keep p
    return Json.mkObj [("goals", goals), ("tactic", tactic), ("proofState", id), ("pos", posJson pos),
      ("endPos", posJson endPos), ("usedConstants", jsonArr (mapL (fun n => Json.str (nameStr n)) used))] ::
      (← tacticsJson ps env rest)

/-- The messages `p` has that `old` had not. -/
def newMessages (old p : ProofState) : List Message :=
  dropL (lengthL old.coreState.messages.toList) p.coreState.messages.toList

def traceTexts : List TraceElem → IO (List Json)
  | [] => pure []
  | t :: ts => do return Json.str (← t.msg.toString).trimAscii.toString :: (← traceTexts ts)

/-- The traces `p` has that `old` had not (`set_option trace.… true` in the command). -/
def newTraces (old p : ProofState) : IO (List Json) :=
  traceTexts (dropL old.coreState.traceState.traces.size (paList p.coreState.traceState.traces))

/-- The info trees `p` has that `old` had not, with their metavariables substituted. -/
def newTrees (old p : ProofState) : List InfoTree :=
  let st := p.coreState.infoState
  mapL (fun t => t.substitute st.assignment) (dropL old.coreState.infoState.trees.size (paList st.trees))

/-- `{"tactic", "proofState"}`: the tactic run on that proof state, the new one kept. -/
def ProofStates.runTactic (ps : ProofStates) (req : Json) (tactic : String) : IO Json := do
  let some n := getNat? req "proofState" | return errorJson "malformed request: a tactic needs a \"proofState\""
  let some p ← ps.get? n | return errorJson "Unknown proof state."
  let p' ← try p.runTactic tactic catch e => return errorJson s!"Lean error:\n{e}"
  -- the new trees' context is the tactic's own text, which has no file: their sorries have no position
  let ctx : CommandContextInfo := { env := p.coreState.env, fileMap := default, mctx := p.metaState.mctx
                                    options := p.coreContext.options, currNamespace := p.coreContext.currNamespace
                                    openDecls := p.coreContext.openDecls, ngen := p.coreState.ngen }
  let trees := mapL (fun t => InfoTree.context (.commandCtx ctx) t) (newTrees p p')
  let sorries ← sorriesJson ps p'.coreState.env (some p'.rootGoals) false (findSorries trees)
  let messages ← messagesJson (newMessages p p')
  let id ← ps.keep p'
  return Json.mkObj [("proofState", id), ("goals", jsonArr (← p'.goalsJson)), ("messages", jsonArr messages),
    ("sorries", jsonArr sorries), ("traces", jsonArr (← newTraces p p')), ("proofStatus", ← p'.status)]

/-- `{"describe": n}`: the goals and status of proof state `n`, as a tactic's reply gives them. -/
def ProofStates.describe (ps : ProofStates) (n : Nat) : IO Json := do
  let some p ← ps.get? n | return errorJson "Unknown proof state."
  return Json.mkObj [("proofState", n), ("goals", jsonArr (← p.goalsJson)), ("proofStatus", ← p.status)]

run_cmd exportAllCompiled
