/-
Proofline REPL: one JSON request per line on stdin, one JSON response per line on stdout.

Command shapes follow the community Lean REPL where they overlap (`cmd`, `env`, `messages`, `sorries`),
plus what a proof checker needs: `axioms_of` (per-declaration axioms), `heartbeats`, `keep`, `drop`.

Written for the WebAssembly build of Lean, whose .olean files carry only exported declarations: the
compiler cannot specialise library helpers that are private there, so this file uses plain recursion over
`List` instead of `for` loops and folds over library containers.

The embedded runtime runs this module precompiled (`lean -o Repl.olean`, then `lean --run Main.lean`),
which spares it elaborating this file at every start; see `exportCompiled` at the end. Other runtimes may
run it from source with `lean --run Repl.lean`. Everything is public and nothing is a `where` helper:
private names are not exported, so a precompiled run could not find their code.
-/
module
public import Lean.Elab.Frontend
public import Lean.Util.CollectAxioms
public import Lean.Util.FoldConsts
public import Lean.Compiler.IR.CompilerM
public import Lean.AddDecl
public section
open Lean Elab

/-- Axioms that Lean's core really declares. In the exported-only .olean files every imported theorem
also looks like an axiom (its proof is not shipped), so imported "axioms" outside this list are
library theorems, not assumptions a candidate added. -/
def coreAxioms : List Name :=
  [``propext, ``Classical.choice, ``Quot.sound, ``Lean.ofReduceBool, ``Lean.ofReduceNat,
   ``Lean.trustCompiler, ``sorryAx]

/-- `Name.toString` without the library's specialised (and here unavailable) helpers. -/
def nameStr : Name → String
  | .anonymous => "[anonymous]"
  | .str .anonymous s => s
  | .str p s => nameStr p ++ "." ++ s
  | .num .anonymous n => toString n
  | .num p n => nameStr p ++ "." ++ toString n

/-! List and array helpers written out by hand: the library's versions are inlined or specialised into
callers, and their private pieces are missing from this build. -/

def mapL (f : α → β) : List α → List β
  | [] => []
  | a :: as => f a :: mapL f as

def filterL (p : α → Bool) : List α → List α
  | [] => []
  | a :: as => if p a then a :: filterL p as else filterL p as

def arrayOf (acc : Array α) : List α → Array α
  | [] => acc
  | a :: as => arrayOf (acc.push a) as

/-- The first `n` elements of `a`, in front of `acc`. -/
def listOfFirst [Inhabited α] (a : Array α) : Nat → List α → List α
  | 0, acc => acc
  | i + 1, acc => listOfFirst a i (a[i]! :: acc)

def listOf [Inhabited α] (a : Array α) : List α :=
  listOfFirst a a.size []

def jsonArr (l : List Json) : Json := Json.arr (arrayOf #[] l)

structure Repl where
  /-- `envs[i]` is environment `i`; 0 is the imported header, `none` once dropped. -/
  envs : IO.Ref (Array (Option Environment))
  /-- Preludes and reference statements already elaborated, with their errors, most recently used first:
  a problem family shares one prelude, a problem's many candidates one reference. -/
  elaborated : IO.Ref (List (String × Command.State × List Json))

def posJson (p : Position) : Json :=
  Json.mkObj [("line", p.line), ("column", p.column)]

def severityStr : MessageSeverity → String
  | .error => "error" | .warning => "warning" | .information => "info"

def messageJson (m : Message) : IO Json := do
  let data ← m.data.toString
  let endPos := match m.endPos with | some p => posJson p | none => Json.null
  return Json.mkObj [("severity", severityStr m.severity), ("pos", posJson m.pos),
    ("endPos", endPos), ("data", data)]

def messagesJson : List Message → IO (List Json)
  | [] => pure []
  | m :: ms => do return (← messageJson m) :: (← messagesJson ms)


def isSorryWarning (m : Message) : IO Bool := do
  let s ← m.data.toString
  return m.severity == .warning && (s.startsWith "declaration uses `sorry`" || s.startsWith "declaration uses 'sorry'")

def collectSorries : List Message → IO (List Json)
  | [] => pure []
  | m :: ms => do
    let rest ← collectSorries ms
    if ← isSorryWarning m then
      let endPos := match m.endPos with | some p => posJson p | none => Json.null
      return Json.mkObj [("pos", posJson m.pos), ("endPos", endPos)] :: rest
    else return rest

def appendL : List α → List α → List α
  | [], bs => bs
  | a :: as, bs => a :: appendL as bs

def reverseL : List α → List α → List α
  | [], acc => acc
  | a :: as, acc => reverseL as (a :: acc)

def memN (n : Name) : List Name → Bool
  | [] => false
  | m :: ms => n == m || memN n ms

def sameNames : List Name → List Name → Bool
  | [], [] => true
  | a :: as, b :: bs => a == b && sameNames as bs
  | _, _ => false

def foldlL (f : β → α → β) : β → List α → β
  | b, [] => b
  | b, a :: as => foldlL f (f b a) as

def foldrL (f : α → β → β) (b : β) : List α → β
  | [] => b
  | a :: as => f a (foldrL f b as)

def filterMapL (f : α → Option β) : List α → List β
  | [] => []
  | a :: as => match f a with
    | some b => b :: filterMapL f as
    | none => filterMapL f as

def findL (p : α → Bool) : List α → Option α
  | [] => none
  | a :: as => if p a then some a else findL p as

/-- `mapM` in `Except String`, which this build cannot specialise. -/
def mapE (f : α → Except String β) : List α → Except String (List β)
  | [] => pure []
  | a :: as => do return (← f a) :: (← mapE f as)

/-- `mapE` threading a state through, as the export threads its table of expressions. -/
def mapS (f : α → σ → Except String (β × σ)) : List α → σ → Except String (List β × σ)
  | [], st => pure ([], st)
  | a :: as, st => do
    let (b, st) ← f a st
    let (bs, st) ← mapS f as st
    return (b :: bs, st)

/-! What was parsed, for the command policy: every command, syntax kind, option, attribute and identifier,
and what tactic configurations name, each with its first position. The REPL only reports; the client
decides. -/

abbrev Facts := List (Name × Position)

def addFact (n : Name) (p : Position) : Facts → Facts
  | [] => [(n, p)]
  | (m, q) :: rest => if n == m then (m, q) :: rest else (m, q) :: addFact n p rest

/-- Walking the syntax is interpreted code, where each call of a library function (even `Name.beq`)
costs a symbol look-up: so a kind or identifier already seen is found with one call on a `NameSet`, and a
position is computed only for what is recorded. -/
structure SyntaxFacts where
  /-- The kind of every command, those under `… in` and `mutual` included. -/
  commands : Facts := []
  /-- most recent first -/
  kinds : Facts := []
  seen : NameSet := {}
  options : Facts := []
  /-- An attribute's name where its syntax is the plain one (`@[irreducible]`), else its syntax kind
  (`Lean.Parser.Attr.simp`). -/
  attributes : Facts := []
  /-- most recent first -/
  idents : Facts := []
  seenIdents : NameSet := {}
  /-- The fields a tactic configuration sets (`+native`, `(maxSteps := 5)`, `{ zeta := false }`). -/
  configFields : Facts := []
  /-- Identifiers used as values inside a tactic configuration, which Lean evaluates as compiled code. -/
  configValues : Facts := []

def setOptionKinds : List Name :=
  [`Lean.Parser.Command.set_option, `Lean.Parser.Term.set_option, `Lean.Parser.Tactic.set_option]

def posOf (fm : FileMap) (stx : Syntax) : Position := fm.toPosition (stx.getPos?.getD 0)

mutual
partial def SyntaxFacts.command (f : SyntaxFacts) (fm : FileMap) (cmd : Syntax) : SyntaxFacts :=
  let k := cmd.getKind
  let f := { f with commands := addFact k (posOf fm cmd) f.commands }
  if k == `Lean.Parser.Command.in then (f.command fm (cmd.getArg 0)).command fm (cmd.getArg 2)
  else if k == `Lean.Parser.Command.mutual then f.commandsIn fm (listOf (cmd.getArg 1).getArgs)
  else f
partial def SyntaxFacts.commandsIn (f : SyntaxFacts) (fm : FileMap) : List Syntax → SyntaxFacts
  | [] => f
  | c :: cs => (f.command fm c).commandsIn fm cs
end

/-- Where the walk is: in ordinary syntax, or in a tactic configuration, whose values Lean evaluates. -/
inductive Place where
  | plain | config

def SyntaxFacts.ident (f : SyntaxFacts) (fm : FileMap) (place : Place) (id : Syntax) : SyntaxFacts :=
  let n := id.getId
  let f := if f.seenIdents.contains n then f
    else { f with idents := (n, posOf fm id) :: f.idents, seenIdents := f.seenIdents.insert n }
  match place with
  | .plain => f
  | .config => { f with configValues := addFact n (posOf fm id) f.configValues }

def SyntaxFacts.field (f : SyntaxFacts) (fm : FileMap) (id : Syntax) : SyntaxFacts :=
  { f with configFields := addFact id.getId (posOf fm id) f.configFields }

def SyntaxFacts.node (f : SyntaxFacts) (fm : FileMap) (k : Name) (stx : Syntax) : SyntaxFacts :=
  let f := if f.seen.contains k then f else { f with kinds := (k, posOf fm stx) :: f.kinds, seen := f.seen.insert k }
  if memN k setOptionKinds then { f with options := addFact (stx.getArg 1).getId (posOf fm stx) f.options }
  else if k == `Lean.Parser.Term.attrInstance then
    let attr := stx.getArg 1
    let name := if attr.getKind == `Lean.Parser.Attr.simple then (attr.getArg 0).getId else attr.getKind
    { f with attributes := addFact name (posOf fm attr) f.attributes }
  else f

mutual
partial def walk (fm : FileMap) (place : Place) (stx : Syntax) (f : SyntaxFacts) : SyntaxFacts :=
  match stx with
  | .node _ k args =>
    let f := f.node fm k stx
    if k == `Lean.Parser.Tactic.optConfig then walkArgs fm .config args 0 f
    else match place with
      | .plain => walkArgs fm place args 0 f
      | .config =>
        -- a field's name is not evaluated; everything else in a configuration is
        if k == `Lean.Parser.Tactic.posConfigItem || k == `Lean.Parser.Tactic.negConfigItem then f.field fm (stx.getArg 1)
        else if k == `Lean.Parser.Tactic.valConfigItem then walk fm place (stx.getArg 3) (f.field fm (stx.getArg 1))
        else if k == `Lean.Parser.Term.structInstField then
          let id := (stx.getArg 0).getArg 0
          let val := stx.getArg 1
          -- `{ x }` abbreviates `{ x := x }`: the name is a value too
          let f := if val.getNumArgs == 0 then f.ident fm place id else f
          walk fm place val (f.field fm id)
        else walkArgs fm place args 0 f
  | .ident .. => f.ident fm place stx
  | _ => f
partial def walkArgs (fm : FileMap) (place : Place) (args : Array Syntax) (i : Nat) (f : SyntaxFacts) : SyntaxFacts :=
  if h : i < args.size then walkArgs fm place args (i + 1) (walk fm place args[i] f) else f
end

def walkCommands (fm : FileMap) : List Syntax → SyntaxFacts → SyntaxFacts
  | [], f => f
  | c :: cs, f => walkCommands fm cs (walk fm .plain c (f.command fm c))

/-- The facts of a submission: its header and its commands. -/
def factsOf (fm : FileMap) (header : Syntax) (cmds : List Syntax) : SyntaxFacts :=
  walkCommands fm cmds (walk fm .plain header {})

def factsJson (l : Facts) : Json :=
  jsonArr (mapL (fun (n, p) => Json.mkObj [("name", nameStr n), ("pos", posJson p)]) l)

def syntaxJson (f : SyntaxFacts) : Json :=
  Json.mkObj [("commands", factsJson f.commands), ("kinds", factsJson (reverseL f.kinds [])),
    ("options", factsJson f.options), ("attributes", factsJson f.attributes),
    ("identifiers", factsJson (reverseL f.idents [])), ("config_fields", factsJson f.configFields),
    ("config_values", factsJson f.configValues)]

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

def namesJson (l : List Name) : Json := jsonArr (mapL (fun a => Json.str (nameStr a)) l)

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

/-- The judgement of one target theorem: found in the export, as a theorem, with the statement's type and
universe parameters, accepted by the kernel, and the axioms it rests on there. -/
def judgeTarget (header base reference : Environment) (entries : List Entry) (t : Name) : IO Json := do
  let some e := findL (fun e => e.key == t) entries | return Json.mkObj [("name", nameStr t), ("found", false)]
  let same := match reference.find? t with
    | some rci => rci.type == e.type && sameNames rci.levelParams e.levels
    | none => false
  let fields := [("name", Json.str (nameStr t)), ("found", Json.bool true), ("kind", Json.str e.kind), ("same_type", Json.bool same)]
  try
    let k ← addEntry entries [] t base.toKernelEnv
    let env := Environment.ofKernelEnv k
    let (_, st) := ((CollectAxioms.collect t).run env).run {}
    -- imported theorems look like axioms in this build: only Lean's own and those of the problem count
    let axioms := filterL (fun a => coreAxioms.contains a || !header.contains a) (listOf st.axioms)
    return Json.mkObj (appendL fields [("replay", Json.str "ok"), ("axioms", namesJson axioms)])
  catch err => return Json.mkObj (appendL fields [("replay", Json.str (toString err)), ("axioms", jsonArr [])])

def judgeTargets (header base reference : Environment) (entries : List Entry) : List Name → IO (List Json)
  | [] => pure []
  | t :: ts => do return (← judgeTarget header base reference entries t) :: (← judgeTargets header base reference entries ts)

def getNat? (j : Json) (k : String) : Option Nat :=
  match j.getObjValAs? Nat k with | .ok n => some n | .error _ => none

def getList (j : Json) (k : String) : List Json :=
  match j.getObjVal? k with
  | .ok (.arr a) => listOf a
  | _ => []

def stringsOf : List Json → List String
  | [] => []
  | .str s :: js => s :: stringsOf js
  | _ :: js => stringsOf js

def natsOf : List Json → List Nat
  | [] => []
  | j :: js => match j.getNat? with
    | .ok n => n :: natsOf js
    | .error _ => natsOf js

def getStrings (j : Json) (k : String) : List String := stringsOf (getList j k)

def getNats (j : Json) (k : String) : List Nat := natsOf (getList j k)

def errorJson (msg : String) : Json := Json.mkObj [("error", msg)]

def Repl.env? (r : Repl) (i : Nat) : IO (Option Environment) := do
  let envs ← r.envs.get
  return (envs[i]?).join

def takeL : Nat → List α → List α
  | 0, _ => []
  | _, [] => []
  | n + 1, a :: as => a :: takeL n as

def lookupKey (key : String) : List (String × β) → Option β
  | [] => none
  | (k, v) :: rest => if k == key then some v else lookupKey key rest

def withoutKey (key : String) : List (String × β) → List (String × β)
  | [] => []
  | (k, v) :: rest => if k == key then rest else (k, v) :: withoutKey key rest

def errorsJson (msgs : List Message) : IO (List Json) :=
  messagesJson (filterL (fun m => m.severity == .error) msgs)

/-! The frontend: commands parsed and elaborated one after the other on the calling thread. Lean's own
`IO.processCommands` runs each command as snapshot tasks on a worker thread, which the main thread then
waits for; in this build that wait polls, costing a few milliseconds and a fifth of a core per request.
Elaborating here needs a deep main-thread stack, which `LeanJsPatch` gives (the build's default is 64 KB). -/

def elabCommand (ictx : Parser.InputContext) (cmdPos : String.Pos.Raw) (st : Command.State) (stx : Syntax) :
    IO Command.State := do
  let ctx : Command.Context :=
    { fileName := ictx.fileName, fileMap := ictx.fileMap, cmdPos, snap? := none, cancelTk? := none }
  match ← EIO.toIO' ((Command.elabCommandTopLevel stx ctx).run st) with
  | .ok ((), st') => pure st'
  | .error e => throw (IO.userError s!"internal error: {← e.toMessageData.toString}")

/-- Elaborates the rest of `ictx` on top of `st`: the final state, the commands parsed, and every message.
In Lean 4.28 `elabCommandTopLevel` leaves only the command's own messages in the state's log (its own
frontend reports command by command), so each command's parse and elaboration messages are collected
here as they come. -/
partial def processCommands (ictx : Parser.InputContext) (pst : Parser.ModuleParserState) (st : Command.State)
    (cmds : List Syntax) (msgs : List Message) : IO (Command.State × List Syntax × List Message) := do
  let scope := match st.scopes with | s :: _ => s | [] => { header := "" }
  let pmctx : Parser.ParserModuleContext :=
    { env := st.env, options := scope.opts, currNamespace := scope.currNamespace, openDecls := scope.openDecls }
  let (cmd, pst', parsed) := Parser.parseCommand ictx pmctx pst {}
  let st ← elabCommand ictx pst.pos { st with messages := {} } cmd
  let msgs := appendL msgs (appendL parsed.toList st.messages.toList)
  if Parser.isTerminalCommand cmd then return (st, reverseL (cmd :: cmds) [], msgs)
  else processCommands ictx pst' st (cmd :: cmds) msgs

/-- `src` as the input of a request. Built by hand: `mkInputContext` compiles to a helper this build does
not export. -/
def inputOf (src : String) (fileName : String) : Parser.InputContext :=
  { inputString := src, fileName, fileMap := src.toFileMap }

/-- The state after elaborating `src` on top of `start` (named by `key`), and its errors; the 128 most
recently used are remembered. -/
def Repl.elaborate (r : Repl) (key : String) (start : Command.State) (src : String) : IO (Command.State × List Json) := do
  let hit ← match lookupKey key (← r.elaborated.get) with
    | some hit => pure hit
    | none => do
      let (st, _, msgs) ← processCommands (inputOf src "<trusted>") {} { start with messages := {} } [] []
      pure (st, ← errorsJson msgs)
  r.elaborated.modify (fun l => takeL 128 ((key, hit) :: withoutKey key l))
  return hit

/-- The longest prelude remembered (with the same header and options, named `head ++ text`, elaborated
without errors) that `prelude` continues after a line break, and its state. -/
def longestPrefix (head prelude : String) : List (String × Command.State × List Json) → Option (Nat × Command.State)
  | [] => none
  | (k, st, errs) :: rest =>
    let best := longestPrefix head prelude rest
    let text := (k.drop head.length).toString
    let longer := match best with | some (n, _) => text.length > n | none => true
    let clean := match errs with | [] => true | _ => false
    if clean && longer && k.startsWith head && text.endsWith "\n" && text.length < prelude.length
        && prelude.startsWith text then some (text.length, st) else best

/-- A prelude's state: remembered, else elaborated from the longest remembered prelude it continues. The
theorems of one benchmark file share everything before them, so each one's prelude is the one before's
plus a few commands, and the file is elaborated about once, not once per theorem. (Errors of the part
elaborated last are placed from its own first line.) -/
def Repl.elaboratePrelude (r : Repl) (head : String) (start : Command.State) (prelude : String) :
    IO (Command.State × List Json) := do
  let cached ← r.elaborated.get
  match lookupKey (head ++ prelude) cached, longestPrefix head prelude cached with
  | none, some (n, st) => r.elaborate (head ++ prelude) st (prelude.drop n).toString
  | _, _ => r.elaborate (head ++ prelude) start prelude

/-- Lean's options for a request: Lean's defaults, with elaboration on this thread, the request's heartbeat
limit, and the problem's own options (`"options": [["autoImplicit", false], …]`). -/
def requestOptions (req : Json) : Options :=
  let opts := Options.empty.setBool `Elab.async false
  let opts := match getNat? req "heartbeats" with | some hb => opts.setNat `maxHeartbeats hb | none => opts
  foldlL (fun (o : Options) (j : Json) => match j with
    | .arr #[.str k, .bool b] => o.setBool k.toName b
    | .arr #[.str k, .str v] => o.setString k.toName v
    | .arr #[.str k, n] => match n.getNat? with
      | .ok v => o.setNat k.toName v
      | .error _ => o
    | _ => o) opts (getList req "options")

/-- Whether `n` is a theorem Lean made for another declaration of the same source rather than one the
source states: an internal name, or one under another new constant (`P.mk.inj`, `g.eq_def`, `Ev.brecOn`). -/
def generated (before after : Environment) (n : Name) : Bool :=
  n.isInternal || match n with
    | .str p _ => after.contains p && !before.contains p
    | _ => false

mutual
/-- The theorems in a node of `after`'s map of constants that `before` lacks. Walked by hand: the map's own
folds are specialised into helpers this build does not export. -/
partial def theoremsIn (before after : Environment) (node : PersistentHashMap.Node Name ConstantInfo)
    (acc : List Name) : List Name :=
  match node with
  | .entries es => theoremsInEntries before after es 0 acc
  | .collision ks vs _ => theoremsInPairs before after ks vs 0 acc
partial def theoremsInEntries (before after : Environment)
    (es : Array (PersistentHashMap.Entry Name ConstantInfo (PersistentHashMap.Node Name ConstantInfo))) (i : Nat)
    (acc : List Name) : List Name :=
  if h : i < es.size then
    let acc := match es[i] with
      | .entry n ci => newTheorem before after n ci acc
      | .ref node => theoremsIn before after node acc
      | .null => acc
    theoremsInEntries before after es (i + 1) acc
  else acc
partial def theoremsInPairs (before after : Environment) (ks : Array Name) (vs : Array ConstantInfo) (i : Nat)
    (acc : List Name) : List Name :=
  if h : i < ks.size then theoremsInPairs before after ks vs (i + 1) (newTheorem before after ks[i] vs[i]! acc) else acc
partial def newTheorem (before after : Environment) (n : Name) (ci : ConstantInfo) (acc : List Name) : List Name :=
  match ci with
  | .thmInfo _ => if before.contains n || generated before after n then acc else n :: acc
  | _ => acc
end

/-- The theorems `after` has that `before` lacks, less those Lean generated: what a reference statement
declares, by the names Lean gave them (namespaces, guillemets and universe parameters read by Lean). -/
def newTheorems (before after : Environment) : List Name :=
  theoremsIn before after after.toKernelEnv.constants.map₂.root []

/-- Where a request's command starts: header environment `envId` with the request's options, then the
problem's prelude (trusted source, elaborated once per session), whose scopes — namespace, `open`,
`variable`, `universe`, options — stay in force; and the reference statement elaborated on top of that,
if given, with the theorems it declares. -/
def Repl.problem (r : Repl) (req : Json) (envId : Nat) (env : Environment) :
    IO (Command.State × Option (List Json) × Option (Command.State × List Json × List Name)) := do
  let options := (req.getObjValD "options").compress
  let key := s!"{envId}\n{options}\n{getNat? req "heartbeats"}"
  let start := Command.mkState env {} (requestOptions req)
  let prelude := match req.getObjValAs? String "prelude" with | .ok src => src | .error _ => ""
  let (start, preludeErrs?) ← if prelude == "" then pure (start, none) else do
      let (st, errs) ← r.elaboratePrelude s!"prelude\n{key}\n" start prelude
      pure (st, some errs)
  let ref? ← match req.getObjValAs? String "reference" with
    | .ok src => do
      let (st, errs) ← r.elaborate s!"reference\n{key}\n{prelude}\n{src}" start src
      pure (some (st, errs, newTheorems start.env st.env))
    | .error _ => pure none
  return (start, preludeErrs?, ref?)

def problemFields (preludeErrs? : Option (List Json)) (ref? : Option (Command.State × List Json × List Name)) :
    List (String × Json) :=
  let fields := match ref? with
    | some (_, errs, targets) => [("reference_errors", jsonArr errs), ("targets", namesJson targets)]
    | none => []
  match preludeErrs? with
  | some errs => ("prelude_errors", jsonArr errs) :: fields
  | none => fields

/-- The header (`module`, `prelude`, `import`s) `ictx` starts with, parsed with `env`'s tokens. This is
`Parser.parseHeader` without the empty environment it builds for its tokens: initialising every
environment extension was ~1 ms of each request. -/
def headerOf (env : Environment) (ictx : Parser.InputContext) : Syntax :=
  let p := Parser.andthenFn Parser.whitespace Parser.Module.header.fn
  let s := p.run ictx { env, options := {} } (Parser.Module.updateTokens (Parser.getTokenTable env))
    (Parser.mkParserState ictx.inputString)
  if s.stxStack.isEmpty then .missing else s.stxStack.back

/-- The commands of `ictx` as parsed on top of `env`, without elaborating any: what a policy looks at
before anything runs. (Elaboration may extend the syntax; the elaborating request reports the syntax it
really parsed, too.) -/
partial def parseCommands (ictx : Parser.InputContext) (pmctx : Parser.ParserModuleContext)
    (st : Parser.ModuleParserState) (msgs : MessageLog) (acc : List Syntax) : List Syntax :=
  let (cmd, st', msgs') := Parser.parseCommand ictx pmctx st msgs
  if Parser.isTerminalCommand cmd then reverseL (cmd :: acc) [] else parseCommands ictx pmctx st' msgs' (cmd :: acc)

def getBool (j : Json) (k : String) (default : Bool) : Bool :=
  match j.getObjValAs? Bool k with | .ok b => b | .error _ => default

def Repl.runCmd (r : Repl) (req : Json) (cmd : String) : IO Json := do
  let envId := (getNat? req "env").getD 0
  let some env ← r.env? envId | return errorJson s!"unknown environment {envId}"
  let (start, preludeErrs?, ref?) ← r.problem req envId env
  let t0 ← IO.monoMsNow
  let inputCtx := inputOf cmd "<input>"
  -- commands never parse an `import`; the header parser shows whether the text starts with one
  let header := headerOf start.env inputCtx
  if getBool req "parse_only" false then
    let scope := match start.scopes with | s :: _ => s | [] => { header := "" }
    let pmctx : Parser.ParserModuleContext :=
      { env := start.env, options := scope.opts, currNamespace := scope.currNamespace, openDecls := scope.openDecls }
    let cmds := parseCommands inputCtx pmctx {} {} []
    let facts := factsOf inputCtx.fileMap header cmds
    return Json.mkObj [("env", Json.null), ("syntax", syntaxJson facts), ("time_ms", (← IO.monoMsNow) - t0)]
  let (st, cmds, msgList) ← processCommands inputCtx {} { start with messages := {} } [] []
  let env' := st.env
  let ms := (← IO.monoMsNow) - t0
  let facts := factsOf inputCtx.fileMap header cmds
  let decls := mapL (fun n => declarationJson env' n.toName) (getStrings req "axioms_of")
  let envField ← if getBool req "keep" true then do
      let envs ← r.envs.get
      r.envs.set (envs.push (some env'))
      pure (Json.num envs.size)
    else pure Json.null
  let mut fields : List (String × Json) := [("env", envField), ("messages", jsonArr (← messagesJson msgList)),
    ("sorries", jsonArr (← collectSorries msgList)), ("declarations", jsonArr decls), ("syntax", syntaxJson facts),
    ("time_ms", ms)]
  if let (true, some (_, _, targets)) := (getBool req "export" false, ref?) then
    fields := appendL fields [("export", match exportJson start.env env' targets with
      | .ok j => j
      | .error e => errorJson e)]
  return Json.mkObj (appendL fields (problemFields preludeErrs? ref?))

/-- `{"judge": export, "prelude", "reference", "options"}`: the exported declarations rebuilt and replayed
here, in a session that elaborates only trusted source, and judged against the reference's theorems. -/
def Repl.runJudge (r : Repl) (req : Json) (exp : Json) : IO Json := do
  let some header ← r.env? 0 | return errorJson "the header environment is gone"
  let (start, preludeErrs?, ref?) ← r.problem req 0 header
  let some (refSt, _, targets) := ref? | return errorJson "malformed request: a judgement needs a \"reference\""
  let t0 ← IO.monoMsNow
  let rebuilt := do
    let exprs ← exprsOf #[] (← arrOf (← field exp "exprs"))
    mapE (entryOf exprs) (← arrOf (← field exp "decls"))
  let verdict ← match rebuilt with
    | .ok entries => do pure [("declarations", jsonArr (← judgeTargets header start.env refSt.env entries targets))]
    | .error e => pure [("declarations", jsonArr []), ("export_error", Json.str e)]
  return Json.mkObj (appendL verdict (("time_ms", toJson ((← IO.monoMsNow) - t0)) :: problemFields preludeErrs? ref?))

def Repl.dropAll (r : Repl) : List Nat → IO Unit
  | [] => pure ()
  | i :: is => do
    -- environment 0 is the pristine header every request falls back to; it is never dropped
    if i > 0 then r.envs.modify (fun envs => envs.set! i none)
    r.dropAll is

def Repl.handle (r : Repl) (line : String) : IO Json := do
  match Json.parse line with
  | .error e => return errorJson s!"malformed request: not JSON ({e})"
  | .ok req =>
    let reply ← match req.getObjValAs? String "cmd" with
      | .ok cmd => r.runCmd req cmd
      | .error _ =>
        match req.getObjVal? "judge", req.getObjVal? "drop" with
        | .ok exp, _ => r.runJudge req exp
        | _, .ok _ => do r.dropAll (getNats req "drop"); pure (Json.mkObj [("dropped", true)])
        | _, _ => pure (errorJson "malformed request: expected a \"cmd\" string, a \"judge\" object or a \"drop\" list")
    -- echo the client's request id so it can tell replies from anything else on stdout
    match req.getObjVal? "id" with
    | .ok id => return reply.setObjVal! "id" id
    | .error _ => return reply

partial def Repl.loop (r : Repl) (stdin : IO.FS.Stream) (stdout : IO.FS.Stream) : IO Unit := do
  let line ← stdin.getLine
  if line == "" then return
  -- blank lines are skipped; the JSON parser ignores the trailing newline itself
  unless line == "\n" || line == "\r\n" do
    let reply ← try r.handle line catch e => pure (errorJson s!"internal error: {e}")
    stdout.putStrLn reply.compress
    stdout.flush
  r.loop stdin stdout

/-- `lean --run Main.lean [Module …]` (or `Repl.lean`): imports the header modules (default `Init`) once, says it is
ready, then answers requests until stdin closes. -/
public def main (args : List String) : IO UInt32 := do
  -- as `lean` imports a file's header: `Init` first, unless the header is a `prelude`
  let mods := match args with
    | "prelude" :: ms => mapL String.toName ms
    | ms => `Init :: filterL (· != `Init) (mapL String.toName ms)
  let env ← importModules (arrayOf #[] (mapL (fun m => { module := m }) mods)) {}
    (trustLevel := 1024) (loadExts := true)
  let stdout ← IO.getStdout
  stdout.putStrLn (Json.mkObj [("ready", true), ("header", jsonArr (mapL (fun m => Json.str (nameStr m)) mods)),
    ("lean", Lean.versionString)]).compress
  stdout.flush
  let r : Repl := { envs := ← IO.mkRef #[some env], elaborated := ← IO.mkRef [] }
  r.loop (← IO.getStdin) stdout
  -- Exit at once: tearing down the imported environments crashes this build's runtime at shutdown.
  IO.Process.exit 0

/-! Precompiling. The embedded Lean imports only the exported part of a module (`Repl.olean`, never
`Repl.ir`), and there its interpreter finds code only for `meta` declarations that are constants; the
compiler's helpers (`main._lam_0`, `nameStr._closed_0`, `mapL._redArg`, ...) are neither. So, as the last
command, every compiled declaration of this file is marked `meta`, which keeps its code in `Repl.olean`,
and each helper gets a stand-in constant of its name, through which the interpreter finds that code.
The stand-ins are axioms of `Unit` in this program's own environment, which checked proofs never see. -/

def exportCompiled (env : Environment) : List IR.Decl → Except String Environment
  | [] => .ok env
  | d :: ds =>
    let env := setDeclMeta env d.name
    if env.contains d.name then exportCompiled env ds
    else
      let standIn := Declaration.axiomDecl { name := d.name, levelParams := [], type := mkConst ``Unit, isUnsafe := false }
      match env.addDeclCore 0 standIn none with
      | .ok env => exportCompiled env ds
      | .error _ => .error s!"cannot declare a stand-in for {nameStr d.name}"

def exportAllCompiled : Command.CommandElabM Unit := do
  let env ← getEnv
  match exportCompiled env (IR.getDecls env) with
  | .ok env => setEnv env
  -- `throwError` would inline a library helper this build lacks
  | .error msg => throw (.error .missing (.ofFormat (.text msg)))

run_cmd exportAllCompiled
