/-
Axioms, declarations and the export of a theorem's closure as data.
-/
module
public import Repl.Util
public import Lean.Util.CollectAxioms
public import Lean.Util.FoldConsts
public section
open Lean Elab

def usedConstants (ci : ConstantInfo) : List Name :=
  let ofValue := match ci.value? (allowOpaque := true) with | some v => listOf v.getUsedConstants | none => []
  let extra := match ci with
    | .ctorInfo v => [v.induct]
    | .recInfo v => v.all
    | .inductInfo v => v.ctors
    | _ => []
  appendL (listOf ci.type.getUsedConstants) (appendL ofValue extra)

def keepAxiom (env : Environment) (n : Name) : Bool :=
  (env.getModuleIdxFor? n).isNone || coreAxioms.contains n

def constKind : ConstantInfo → String
  | .axiomInfo _ => "axiom" | .defnInfo _ => "def" | .thmInfo _ => "theorem"
  | .opaqueInfo _ => "opaque" | .quotInfo _ => "quot" | .inductInfo _ => "inductive"
  | .ctorInfo _ => "constructor" | .recInfo _ => "recursor"

def axiomsOf (env : Environment) (n : Name) : List Name :=
  let (_, st) := ((CollectAxioms.collect n).run env).run {}
  filterL (keepAxiom env) (listOf st.axioms)


/-- What a client asked to know of one declaration: does it exist, of what kind, from where, and on which
axioms it rests. -/
def declarationJson (env : Environment) (n : Name) : Json :=
  match env.find? n with
  | none => Json.mkObj [("name", nameStr n), ("found", false)]
  | some ci => Json.mkObj [("name", nameStr n), ("found", true), ("kind", constKind ci),
    ("imported", (env.getModuleIdxFor? n).isSome), ("axioms", namesJson (axiomsOf env n))]

/-! Export: the declarations a theorem rests on, as data. The session that elaborated a candidate writes
the theorem and every declaration of the submission it depends on as names, levels and a table of
shared expressions, with literals as text; a judge session, which never sees the candidate's source,
rebuilds them from that data alone (`Judge` below). Nothing forged in the elaborating process (a literal
object, a cached result) can survive the trip. -/

def nameParts : Name → List Json → List Json
  | .anonymous, acc => acc
  | .str p s, acc => nameParts p (Json.str s :: acc)
  | .num p n, acc => nameParts p (toJson n :: acc)

def nameJson (n : Name) : Json := jsonArr (nameParts n [])

def levelJson : Level → Except String Json
  | .zero => pure (Json.str "z")
  | .succ l => do return jsonArr [Json.str "s", ← levelJson l]
  | .max a b => do return jsonArr [Json.str "max", ← levelJson a, ← levelJson b]
  | .imax a b => do return jsonArr [Json.str "imax", ← levelJson a, ← levelJson b]
  | .param n => pure (jsonArr [Json.str "p", nameJson n])
  | .mvar _ => throw "a universe metavariable"

def buckets : Nat := 4096

/-- Expressions written so far, found again by hash so that a shared subterm is written once. -/
structure ExportState where
  table : Array (List (Expr × Nat)) := Array.replicate buckets []
  nodes : Array Json := #[]

def bucketOf (e : Expr) : Nat := e.hash.toNat % buckets

def findNode (e : Expr) : List (Expr × Nat) → Option Nat
  | [] => none
  | (e', i) :: rest => if e.equal e' then some i else findNode e rest

def ExportState.add (st : ExportState) (e : Expr) (node : List Json) : Nat × ExportState :=
  let b := bucketOf e
  (st.nodes.size, { table := st.table.set! b ((e, st.nodes.size) :: st.table[b]!), nodes := st.nodes.push (jsonArr node) })

def binderStr : BinderInfo → String
  | .default => "default" | .implicit => "implicit" | .strictImplicit => "strict" | .instImplicit => "inst"

/-- The index of `e` in the table, writing it and its subterms first if they are new. Metadata is
dropped: the kernel ignores it. -/
partial def exportExpr (e : Expr) (st : ExportState) : Except String (Nat × ExportState) :=
  match findNode e st.table[bucketOf e]! with
  | some i => pure (i, st)
  | none => match e with
    | .bvar i => pure (st.add e [Json.str "bvar", toJson i])
    | .sort l => do return st.add e [Json.str "sort", ← levelJson l]
    | .const n us => do return st.add e [Json.str "const", nameJson n, jsonArr (← mapE levelJson us)]
    | .app f a => do
      let (fi, st) ← exportExpr f st
      let (ai, st) ← exportExpr a st
      return st.add e [Json.str "app", toJson fi, toJson ai]
    | .lam n t b bi => do
      let (ti, st) ← exportExpr t st
      let (bi', st) ← exportExpr b st
      return st.add e [Json.str "lam", nameJson n, Json.str (binderStr bi), toJson ti, toJson bi']
    | .forallE n t b bi => do
      let (ti, st) ← exportExpr t st
      let (bi', st) ← exportExpr b st
      return st.add e [Json.str "pi", nameJson n, Json.str (binderStr bi), toJson ti, toJson bi']
    | .letE n t v b nonDep => do
      let (ti, st) ← exportExpr t st
      let (vi, st) ← exportExpr v st
      let (bi, st) ← exportExpr b st
      return st.add e [Json.str "let", nameJson n, toJson ti, toJson vi, toJson bi, toJson nonDep]
    | .lit (.natVal n) => pure (st.add e [Json.str "nat", Json.str (toString n)])
    | .lit (.strVal s) => pure (st.add e [Json.str "str", Json.str s])
    | .proj n i s => do
      let (si, st) ← exportExpr s st
      return st.add e [Json.str "proj", nameJson n, toJson i, toJson si]
    | .mdata _ b => exportExpr b st
    | .fvar _ => throw "a free variable"
    | .mvar _ => throw "a metavariable"

/-- The declaration that adds `n`: an inductive type's constructors and recursors come with the first type
of its group; anything else is its own. -/
def declKey (env : Environment) (n : Name) : Name :=
  let first := fun (all : List Name) => match all with | t :: _ => t | [] => n
  match env.find? n with
  | some (.ctorInfo v) => match env.find? v.induct with
    | some (.inductInfo i) => first i.all
    | _ => v.induct
  | some (.recInfo v) => first v.all
  | some (.inductInfo v) => first v.all
  | _ => n

def ctorsOf (env : Environment) (ns : List Name) : List ConstantInfo :=
  match ns with
  | [] => []
  | n :: rest => match env.find? n with
    | some (.inductInfo v) => appendL (filterMapL env.find? v.ctors) (ctorsOf env rest)
    | _ => ctorsOf env rest

/-- Every constant the declaration `key` adds mentions. -/
def keyConstants (env : Environment) (key : Name) : List Name :=
  match env.find? key with
  | some (.inductInfo v) =>
    let infos := appendL (filterMapL env.find? v.all) (ctorsOf env v.all)
    foldrL (fun ci acc => appendL (listOf ci.type.getUsedConstants) acc) [] infos
  | some ci => usedConstants ci
  | none => []

/-- The declarations `n` rests on that `base` lacks, dependencies first (as `order`, reversed). -/
partial def closure (base env : Environment) (n : Name) (acc : NameSet × List Name) : NameSet × List Name :=
  let key := declKey env n
  if acc.1.contains key || base.contains key || !env.contains key then acc
  else
    let acc := foldlL (fun acc c => closure base env c acc) (acc.1.insert key, acc.2) (keyConstants env key)
    (acc.1, key :: acc.2)

def levelNames (l : List Name) : Json := jsonArr (mapL nameJson l)

def hintsJson : ReducibilityHints → Json
  | .opaque => Json.str "opaque" | .abbrev => Json.str "abbrev" | .regular h => toJson h.toNat

def safetyStr : DefinitionSafety → String
  | .safe => "safe" | .unsafe => "unsafe" | .partial => "partial"

def exportCtor (env : Environment) (c : Name) (st : ExportState) : Except String (Json × ExportState) := do
  let some ci := env.find? c | throw s!"constructor {nameStr c} not found"
  let (t, st) ← exportExpr ci.type st
  return (Json.mkObj [("name", nameJson c), ("type", toJson t)], st)

def exportType (env : Environment) (n : Name) (st : ExportState) : Except String (Json × ExportState) := do
  let some (.inductInfo v) := env.find? n | throw s!"inductive {nameStr n} not found"
  let (t, st) ← exportExpr v.type st
  let (ctors, st) ← mapS (exportCtor env) v.ctors st
  return (Json.mkObj [("name", nameJson n), ("type", toJson t), ("ctors", jsonArr ctors)], st)

def exportDecl (env : Environment) (key : Name) (st : ExportState) : Except String (Json × ExportState) := do
  let some ci := env.find? key | throw s!"{nameStr key} is not in the environment"
  let head := [("kind", Json.str (constKind ci)), ("name", nameJson key), ("levels", levelNames ci.levelParams)]
  match ci with
  | .inductInfo v =>
    let (types, st) ← mapS (exportType env) v.all st
    return (Json.mkObj (appendL head [("params", toJson v.numParams), ("unsafe", toJson v.isUnsafe),
      ("types", jsonArr types)]), st)
  | _ =>
    let (t, st) ← exportExpr ci.type st
    let (fields, st) ← match ci with
      | .thmInfo v => do
        let (b, st) ← exportExpr v.value st
        pure ([("value", toJson b)], st)
      | .defnInfo v => do
        let (b, st) ← exportExpr v.value st
        pure ([("value", toJson b), ("hints", hintsJson v.hints), ("safety", Json.str (safetyStr v.safety))], st)
      | .opaqueInfo v => do
        let (b, st) ← exportExpr v.value st
        pure ([("value", toJson b), ("unsafe", toJson v.isUnsafe)], st)
      | .axiomInfo v => pure ([("unsafe", toJson v.isUnsafe)], st)
      | _ => throw s!"{nameStr key} is a {constKind ci}, which no command declares"
    return (Json.mkObj (appendL head (("type", toJson t) :: fields)), st)

/-- `{"decls", "exprs"}`: what `targets` rest on beyond `base`, the environment the command started from. -/
def exportJson (base env : Environment) (targets : List Name) : Except String Json := do
  let (_, order) := foldlL (fun acc t => closure base env t acc) ({}, []) targets
  let (decls, st) ← mapS (exportDecl env) (reverseL order []) {}
  return Json.mkObj [("decls", jsonArr decls), ("exprs", Json.arr st.nodes)]


run_cmd exportAllCompiled
