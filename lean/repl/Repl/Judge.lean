/-
The judge: exported declarations rebuilt from data and replayed by a clean kernel.
-/
module
public import Repl.Export
public import Lean.AddDecl
public section
open Lean Elab

/-! Judge: the exported declarations rebuilt from data alone and given to the kernel of a session that has
only ever elaborated the problem's header, preamble and statement, in dependency order (a cycle is an
error, not a hang), then compared with the statement it elaborated itself. -/

def field (j : Json) (k : String) : Except String Json :=
  match j.getObjVal? k with
  | .ok v => pure v
  | .error _ => throw s!"missing field {k}"

def natOf (j : Json) : Except String Nat :=
  match j.getNat? with
  | .ok n => pure n
  | .error _ => throw s!"expected a natural number, got {j.compress}"

def strOf (j : Json) : Except String String :=
  match j with
  | .str s => pure s
  | _ => throw s!"expected a string, got {j.compress}"

def arrOf (j : Json) : Except String (List Json) :=
  match j with
  | .arr a => pure (listOf a)
  | _ => throw s!"expected an array, got {j.compress}"

def boolOf (j : Json) : Except String Bool :=
  match j with
  | .bool b => pure b
  | _ => throw s!"expected true or false, got {j.compress}"

def nameOfParts : Name → List Json → Except String Name
  | n, [] => pure n
  | n, .str s :: ps => nameOfParts (.str n s) ps
  | n, j :: ps => do nameOfParts (.num n (← natOf j)) ps

def nameOf (j : Json) : Except String Name := do nameOfParts .anonymous (← arrOf j)

partial def levelOf (j : Json) : Except String Level :=
  match j with
  | .str "z" => pure .zero
  | .arr a => match listOf a with
    | [.str "s", l] => do return .succ (← levelOf l)
    | [.str "max", l, m] => do return .max (← levelOf l) (← levelOf m)
    | [.str "imax", l, m] => do return .imax (← levelOf l) (← levelOf m)
    | [.str "p", n] => do return .param (← nameOf n)
    | _ => throw s!"not a level: {j.compress}"
  | _ => throw s!"not a level: {j.compress}"

def binderOf : String → Except String BinderInfo
  | "default" => pure .default | "implicit" => pure .implicit | "strict" => pure .strictImplicit
  | "inst" => pure .instImplicit | s => throw s!"not a binder: {s}"

/-- An expression of the table: it may refer only to those before it, so the table has no cycle. -/
def exprAt (done : Array Expr) (j : Json) : Except String Expr := do
  let i ← natOf j
  if h : i < done.size then pure done[i] else throw s!"expression {done.size} refers to {i}, which is not before it"

def exprOf (done : Array Expr) (j : Json) : Except String Expr := do
  match ← arrOf j with
  | [.str "bvar", i] => return .bvar (← natOf i)
  | [.str "sort", l] => return .sort (← levelOf l)
  | [.str "const", n, us] => return .const (← nameOf n) (← mapE levelOf (← arrOf us))
  | [.str "app", f, a] => return .app (← exprAt done f) (← exprAt done a)
  | [.str "lam", n, bi, t, b] => return .lam (← nameOf n) (← exprAt done t) (← exprAt done b) (← binderOf (← strOf bi))
  | [.str "pi", n, bi, t, b] => return .forallE (← nameOf n) (← exprAt done t) (← exprAt done b) (← binderOf (← strOf bi))
  | [.str "let", n, t, v, b, nd] =>
    return .letE (← nameOf n) (← exprAt done t) (← exprAt done v) (← exprAt done b) (← boolOf nd)
  | [.str "nat", .str digits] => match digits.toNat? with
    | some n => return .lit (.natVal n)
    | none => throw s!"not a natural number literal: {digits}"
  | [.str "str", .str s] => return .lit (.strVal s)
  | [.str "proj", n, i, s] => return .proj (← nameOf n) (← natOf i) (← exprAt done s)
  | _ => throw s!"not an expression: {j.compress}"

def exprsOf (done : Array Expr) : List Json → Except String (Array Expr)
  | [] => pure done
  | j :: js => do exprsOf (done.push (← exprOf done j)) js

/-- One rebuilt declaration: the names it adds, what it is, and the constants it mentions. -/
structure Entry where
  key : Name
  names : List Name
  kind : String
  levels : List Name
  type : Expr
  decl : Declaration
  deps : List Name

def refuseUnsafe (key : Name) (j : Json) (k : String) : Except String Unit := do
  if ← boolOf (← field j k) then throw s!"{nameStr key} is unsafe"

def ctorOf (exprs : Array Expr) (j : Json) : Except String Constructor := do
  return { name := ← nameOf (← field j "name"), type := ← exprAt exprs (← field j "type") }

def typeOf (exprs : Array Expr) (j : Json) : Except String InductiveType := do
  let ctors ← arrOf (← field j "ctors")
  return { name := ← nameOf (← field j "name"), type := ← exprAt exprs (← field j "type"),
           ctors := ← mapE (ctorOf exprs) ctors }

def entryOf (exprs : Array Expr) (j : Json) : Except String Entry := do
  let key ← nameOf (← field j "name")
  let levels ← mapE nameOf (← arrOf (← field j "levels"))
  let kind ← strOf (← field j "kind")
  if kind == "inductive" then
    refuseUnsafe key j "unsafe"
    let types ← mapE (typeOf exprs) (← arrOf (← field j "types"))
    let names := foldrL (fun (t : InductiveType) acc => t.name :: appendL (mapL (·.name) t.ctors) acc) [] types
    let mentioned := foldrL (fun (t : InductiveType) acc =>
      appendL (listOf t.type.getUsedConstants) (foldrL (fun (c : Constructor) acc => appendL (listOf c.type.getUsedConstants) acc) acc t.ctors)) [] types
    let type := match types with | t :: _ => t.type | [] => .sort .zero
    return { key, names, kind, levels, type, decl := .inductDecl levels (← natOf (← field j "params")) types false,
             deps := filterL (fun n => !memN n names) mentioned }
  let type ← exprAt exprs (← field j "type")
  let value? ← match j.getObjVal? "value" with
    | .ok v => some <$> exprAt exprs v
    | .error _ => pure none
  let deps := appendL (listOf type.getUsedConstants) (match value? with | some v => listOf v.getUsedConstants | none => [])
  let decl ← match kind, value? with
    | "theorem", some value => pure (Declaration.thmDecl { name := key, levelParams := levels, type, value, all := [key] })
    | "def", some value => do
      let hints ← match ← field j "hints" with
        | .str "opaque" => pure ReducibilityHints.opaque
        | .str "abbrev" => pure .abbrev
        | h => do pure (.regular (← natOf h).toUInt32)
      let safety ← match ← strOf (← field j "safety") with
        | "safe" => pure DefinitionSafety.safe
        | "partial" => pure .partial
        | _ => throw s!"{nameStr key} is unsafe"
      pure (.defnDecl { name := key, levelParams := levels, type, value, hints, safety, all := [key] })
    | "opaque", some value => do
      refuseUnsafe key j "unsafe"
      pure (.opaqueDecl { name := key, levelParams := levels, type, value, isUnsafe := false, all := [key] })
    | "axiom", none => do
      refuseUnsafe key j "unsafe"
      pure (.axiomDecl { name := key, levelParams := levels, type, isUnsafe := false })
    | _, _ => throw s!"{nameStr key}: cannot rebuild a {kind}"
  return { key, names := [key], kind, levels, type, decl, deps := filterL (· != key) deps }

/-- The entry that adds `n`; a recursor (`T.rec`, `T.rec_1`) comes with its inductive type `T`. -/
def entryFor (entries : List Entry) (n : Name) : Option Entry :=
  match findL (fun e => memN n e.names) entries with
  | some e => some e
  | none => findL (fun e => e.kind == "inductive" && memN n.getPrefix e.names) entries

mutual
/-- Adds `n`'s entry to `k` after everything it mentions; `path` holds the entries being added, so a
declaration that depends on itself is refused instead of recursing forever. -/
partial def addEntry (entries : List Entry) (path : List Name) (n : Name) (k : Kernel.Environment) :
    IO Kernel.Environment := do
  if (k.find? n).isSome then return k
  let some e := entryFor entries n | throw (IO.userError s!"unknown constant {nameStr n}")
  if memN e.key path then throw (IO.userError s!"{nameStr e.key} depends on itself")
  let k ← addEntries entries (e.key :: path) e.deps k
  if (k.find? n).isSome then return k
  match k.addDecl {} e.decl with
  | .ok k' => return k'
  | .error err => throw (IO.userError s!"the kernel rejects {nameStr e.key}: {← (err.toMessageData {}).toString}")
partial def addEntries (entries : List Entry) (path : List Name) : List Name → Kernel.Environment → IO Kernel.Environment
  | [], k => pure k
  | n :: ns, k => do addEntries entries path ns (← addEntry entries path n k)
end

/-- The names `todo` reaches through the export's entries, each once: what a statement rests on. -/
partial def reachable (entries : List Entry) (seen : List Name) : List Name → List Name
  | [] => seen
  | n :: ns => if memN n seen then reachable entries seen ns else
    match entryFor entries n with
    | some e => reachable entries (n :: seen) (appendL e.deps ns)
    | none => reachable entries (n :: seen) ns

def declValue : Declaration → Option Expr
  | .defnDecl d => some d.value | .opaqueDecl d => some d.value | _ => none

def infoValue : ConstantInfo → Option Expr
  | .defnInfo d => some d.value | .opaqueInfo d => some d.value | _ => none

def renamedName (n : Name) : List Name → List Name → Name
  | f :: fs, t :: ts => if f == n then t else renamedName n fs ts
  | _, _ => n

/-- `l` with universe parameter `fs[i]` renamed `ts[i]`. -/
def renameLevel (fs ts : List Name) : Level → Level
  | .param n => .param (renamedName n fs ts)
  | .succ l => .succ (renameLevel fs ts l)
  | .max a b => .max (renameLevel fs ts a) (renameLevel fs ts b)
  | .imax a b => .imax (renameLevel fs ts a) (renameLevel fs ts b)
  | l => l

/-- `e` without metadata (the kernel ignores it and the export drops it), its universe parameters renamed as
`renameLevel` does. -/
partial def plainExpr (fs ts : List Name) : Expr → Expr
  | .mdata _ b => plainExpr fs ts b
  | .sort l => .sort (renameLevel fs ts l)
  | .const n us => .const n (mapL (renameLevel fs ts) us)
  | .app f a => .app (plainExpr fs ts f) (plainExpr fs ts a)
  | .lam n t b bi => .lam n (plainExpr fs ts t) (plainExpr fs ts b) bi
  | .forallE n t b bi => .forallE n (plainExpr fs ts t) (plainExpr fs ts b) bi
  | .letE n t v b nd => .letE n (plainExpr fs ts t) (plainExpr fs ts v) (plainExpr fs ts b) nd
  | .proj n i s => .proj n i (plainExpr fs ts s)
  | e => e

/-- `a` and `b` are the same term but for metadata. -/
def sameExpr (a b : Expr) : Bool := a == b || plainExpr [] [] a == plainExpr [] [] b

def sameValue : Option Expr → Option Expr → Bool
  | some a, some b => sameExpr a b
  | none, none => true
  | _, _ => false

def sameCtors (reference : Environment) : List Constructor → Bool
  | [] => true
  | c :: cs => (match reference.find? c.name with | some ci => sameExpr ci.type c.type | none => false) && sameCtors reference cs

def sameInductives (reference : Environment) : List InductiveType → Bool
  | [] => true
  | t :: ts => (match reference.find? t.name with
      | some (.inductInfo v) => sameExpr v.type t.type && lengthL v.ctors == lengthL t.ctors && sameCtors reference t.ctors
      | _ => false) && sameInductives reference ts

/-- Whether the rebuilt `e` is what the reference declares under its names: the same types and, for a
definition, the same value (a theorem's proof may differ). -/
def sameAsReference (reference : Environment) (e : Entry) : Bool :=
  match reference.find? e.key with
  | none => false
  | some ci => sameNames ci.levelParams e.levels && match e.decl with
    | .inductDecl _ _ types _ => sameInductives reference types
    | d => sameExpr ci.type e.type && sameValue (declValue d) (infoValue ci)

/-- Whether the rebuilt `e` states what the reference's `ci` states: the same type once metadata is dropped
and `e`'s universe parameters are renamed to the reference's, position by position — a theorem holds for
every universe whatever it calls them, as comparator also accepts. -/
def sameStatement (ci : ConstantInfo) (e : Entry) : Bool :=
  (ci.type == e.type && sameNames ci.levelParams e.levels) ||
    (lengthL ci.levelParams == lengthL e.levels && plainExpr [] [] ci.type == plainExpr e.levels ci.levelParams e.type)

/-- The declarations of the reference that `t`'s statement rests on and that the export declares
differently: a submission that redefines them changes what the statement means, whatever its type says. -/
def changedDefinitions (reference : Environment) (entries : List Entry) (t : Name) : List Name :=
  match reference.find? t with
  | none => []
  | some rci => foldlL (fun acc n => match entryFor entries n with
      | some e => if e.key == t || memN e.key acc || !reference.contains e.key || sameAsReference reference e then acc
        else e.key :: acc
      | none => acc) [] (reachable entries [] (listOf rci.type.getUsedConstants))

/-- The judgement of one target theorem: found in the export, as a theorem, with the statement's type and
universe parameters, the reference's declarations it rests on unchanged (`changed` lists those that are
not), accepted by the kernel, and the axioms it rests on there. -/
def judgeTarget (header base : Environment) (reference? : Option Environment) (entries : List Entry) (t : Name) :
    IO Json := do
  let some e := findL (fun e => e.key == t) entries | return Json.mkObj [("name", nameStr t), ("found", false)]
  let fields := [("name", Json.str (nameStr t)), ("found", Json.bool true), ("kind", Json.str e.kind)]
  -- without a reference (a REPL's `verify`) the theorem states what it states
  let fields := match reference? with
    | some reference => appendL fields [("same_type", Json.bool (match reference.find? t with
      | some rci => sameStatement rci e
      | none => false)), ("changed", namesJson (changedDefinitions reference entries t))]
    | none => fields
  try
    let k ← addEntry entries [] t base.toKernelEnv
    let env := Environment.ofKernelEnv k
    let (_, st) := ((CollectAxioms.collect t).run env).run {}
    -- imported theorems look like axioms in this build: only Lean's own and those of the problem count
    let axioms := filterL (fun a => coreAxioms.contains a || !header.contains a) (listOf st.axioms)
    return Json.mkObj (appendL fields [("replay", Json.str "ok"), ("axioms", namesJson axioms)])
  catch err => return Json.mkObj (appendL fields [("replay", Json.str (toString err)), ("axioms", jsonArr [])])

def judgeTargets (header base : Environment) (reference? : Option Environment) (entries : List Entry) :
    List Name → IO (List Json)
  | [] => pure []
  | t :: ts => do return (← judgeTarget header base reference? entries t) :: (← judgeTargets header base reference? entries ts)


run_cmd exportAllCompiled
