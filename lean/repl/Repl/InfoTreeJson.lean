/-
Info trees as JSON (`"infotree": "full" | "tactics" | "original" | "substantive"`), in the community
REPL's shape: each node's kind, what it records (the syntax with its range and pretty-printed text, and
for terms their type and value, for tactics the goals before and after), and its children.
-/
module
public import Repl.Tactic
public section
open Lean Elab

def infoKind : Info → String
  | .ofTacticInfo _ => "TacticInfo"
  | .ofTermInfo _ => "TermInfo"
  | .ofPartialTermInfo _ => "PartialTermInfo"
  | .ofCommandInfo _ => "CommandInfo"
  | .ofMacroExpansionInfo _ => "MacroExpansionInfo"
  | .ofOptionInfo _ => "OptionInfo"
  | .ofFieldInfo _ => "FieldInfo"
  | .ofCompletionInfo _ => "CompletionInfo"
  | .ofUserWidgetInfo _ => "UserWidgetInfo"
  | .ofCustomInfo _ => "CustomInfo"
  | .ofFVarAliasInfo _ => "FVarAliasInfo"
  | .ofFieldRedeclInfo _ => "FieldRedeclInfo"
  | .ofChoiceInfo _ => "ChoiceInfo"
  | .ofDelabTermInfo _ => "DelabTermInfo"
  | .ofErrorNameInfo _ => "ErrorNameInfo"
  | .ofDocElabInfo _ => "DocElabInfo"
  | .ofDocInfo _ => "DocInfo"

/-- Which nodes a mode keeps (the others are left out, their children kept in their place). -/
def keeps (mode : String) (info : Info) : Bool :=
  match mode, info with
  | "full", _ => true
  | "tactics", .ofTacticInfo _ => true
  | "original", .ofTacticInfo i => isOriginal i.stx
  | "substantive", .ofTacticInfo i => isSubstantive i.stx
  | _, _ => false

def ppIn (ctx : ContextInfo) (lctx : LocalContext) (x : MetaM Format) : IO String := do
  return (← runInContext ctx lctx x).pretty

def rangeJson (ctx : ContextInfo) (stx : Syntax) : Json :=
  let (start, finish) := stxRange ctx.fileMap stx
  Json.mkObj [("synthetic", !isOriginal stx), ("start", posJson start), ("finish", posJson finish)]

/-- A syntax kind as `Name.toString` writes it, for the kinds syntax has: an atom's empty kind is `«»`. -/
def kindStr (k : Name) : String :=
  match nameStr k with
  | "" => "«»"
  | s => s

def argKinds (stx : Syntax) : Json :=
  jsonArr (mapL (fun (a : Syntax) => Json.str (kindStr a.getKind)) (listOf stx.getArgs))

/-- `{"range", "pp", "kind", "argKinds"}`, `pp` the syntax pretty-printed (`null` where that fails). -/
def stxJson (ctx : ContextInfo) (lctx : LocalContext) (stx : Syntax) (pp : Option String) : IO Json := do
  let pp ← match pp with
    | some s => pure (some s)
    | none => do
      let s ← try ppIn ctx lctx (PrettyPrinter.ppTerm ⟨stx⟩) catch _ => pure ""
      pure (if s.startsWith "failed to pretty print term" then none else some s)
  return Json.mkObj [("range", rangeJson ctx stx), ("pp", match pp with | some s => Json.str s | none => Json.null),
    ("kind", nameStr stx.getKind), ("argKinds", argKinds stx)]

def nameOrNull (n : Name) : Json := if n.isAnonymous then Json.null else Json.str (nameStr n)

def ppGoalsIn (ctx : ContextInfo) (mctx : MetavarContext) (gs : List MVarId) : IO (List Json) :=
  runInContext { ctx with mctx } {} (ppGoalsM gs)

def nodeJson (ctx : ContextInfo) : Info → IO Json
  | .ofTermInfo i => do
    let fields := [("stx", ← stxJson ctx i.lctx i.stx none), ("elaborator", nameOrNull i.elaborator),
      ("expr", Json.str (← ppIn ctx i.lctx (do Meta.ppExpr (← instantiateMVars i.expr)))), ("isBinder", Json.bool i.isBinder)]
    match i.expectedType? with
    | some t => return Json.mkObj (appendL fields [("expectedType", Json.str (← ppIn ctx i.lctx (do Meta.ppExpr (← instantiateMVars t))))])
    | none => return Json.mkObj fields
  | .ofCommandInfo i => do
    return Json.mkObj [("stx", ← stxJson ctx {} i.stx none), ("elaborator", nameOrNull i.elaborator)]
  | .ofTacticInfo i => do
    let pp ← try ppIn ctx {} (PrettyPrinter.ppTactic ⟨i.stx⟩) catch _ => pure "<failed to pretty print>"
    let name := match i.stx with | .node _ k _ => Json.str (nameStr k) | _ => Json.null
    return Json.mkObj [("stx", ← stxJson ctx {} i.stx (some pp)), ("name", name),
      ("goalsBefore", jsonArr (← ppGoalsIn ctx i.mctxBefore i.goalsBefore)),
      ("goalsAfter", jsonArr (← ppGoalsIn ctx i.mctxAfter i.goalsAfter))]
  | _ => pure Json.null

mutual
/-- The JSON of the nodes `mode` keeps under `t`: a kept node with its kept descendants as children, or
the kept descendants of a node left out. -/
partial def treeJson (mode : String) (ctx? : Option ContextInfo) (t : InfoTree) : IO (List Json) := do
  match t with
  | .context pci t => treeJson mode (pci.mergeIntoOuter? ctx?) t
  | .node info children =>
    let kids ← treesJson mode ctx? (paList children)
    match ctx?, keeps mode info with
    | some ctx, true => return [Json.mkObj [("kind", infoKind info), ("node", ← nodeJson ctx info), ("children", jsonArr kids)]]
    | _, _ => return kids
  | .hole g =>
    match ctx?, mode with
    | some ctx, "full" => return [Json.mkObj [("goalState", Json.str (joinLines (← runInContext ctx {} (ppGoalsM [g]))))]]
    | _, _ => return []
partial def treesJson (mode : String) (ctx? : Option ContextInfo) : List InfoTree → IO (List Json)
  | [] => pure []
  | t :: ts => do return appendL (← treeJson mode ctx? t) (← treesJson mode ctx? ts)
end

run_cmd exportAllCompiled
