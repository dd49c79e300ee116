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

def parseName (s : String) : Name :=
  (s.splitOn ".").foldl (fun n part => Name.str n part) Name.anonymous

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
  elaborated : IO.Ref (List (String × Environment × List Json))

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

/-! What was parsed, for the command policy: every syntax kind, option and attribute that occurs anywhere
in the submission, each with its first position. The REPL only reports; the client decides. -/

abbrev Facts := List (Name × Position)

def addFact (n : Name) (p : Position) : Facts → Facts
  | [] => [(n, p)]
  | (m, q) :: rest => if n == m then (m, q) :: rest else (m, q) :: addFact n p rest

/-- Walking the syntax is interpreted code, where each call of a library function (even `Name.beq`)
costs a symbol look-up: so a kind already seen is found with one call on a `NameSet`, and a position is
computed only for what is recorded. -/
structure SyntaxFacts where
  /-- most recent first -/
  kinds : Facts := []
  seen : NameSet := {}
  options : Facts := []
  attributes : Facts := []

def setOptionKinds : List Name :=
  [`Lean.Parser.Command.set_option, `Lean.Parser.Term.set_option, `Lean.Parser.Tactic.set_option]

def nameSetOf : List Name → NameSet
  | [] => {}
  | n :: ns => (nameSetOf ns).insert n

/-- The kinds whose arguments name an option or an attribute. -/
def namingKinds : NameSet := nameSetOf (`Lean.Parser.Attr.simple :: setOptionKinds)

def SyntaxFacts.named (f : SyntaxFacts) (k : Name) (args : Array Syntax) (p : Position) : SyntaxFacts :=
  if memN k setOptionKinds then { f with options := addFact args[1]!.getId p f.options }
  else { f with attributes := addFact args[0]!.getId p f.attributes }

mutual
partial def walk (fm : FileMap) (stx : Syntax) (f : SyntaxFacts) : SyntaxFacts :=
  match stx with
  | .node _ k args =>
    let p := fun (_ : Unit) => fm.toPosition (stx.getPos?.getD 0)
    let f := if f.seen.contains k then f else { f with kinds := (k, p ()) :: f.kinds, seen := f.seen.insert k }
    let f := if namingKinds.contains k then f.named k args (p ()) else f
    walkArgs fm args 0 f
  | _ => f
partial def walkArgs (fm : FileMap) (args : Array Syntax) (i : Nat) (f : SyntaxFacts) : SyntaxFacts :=
  if h : i < args.size then walkArgs fm args (i + 1) (walk fm args[i] f) else f
end

def walkL (fm : FileMap) : List Syntax → SyntaxFacts → SyntaxFacts
  | [], f => f
  | s :: ss, f => walkL fm ss (walk fm s f)

def factsJson (l : Facts) : Json :=
  jsonArr (mapL (fun (n, p) => Json.mkObj [("name", nameStr n), ("pos", posJson p)]) l)

def syntaxJson (f : SyntaxFacts) : Json :=
  Json.mkObj [("kinds", factsJson (reverseL f.kinds [])), ("options", factsJson f.options), ("attributes", factsJson f.attributes)]

/-! Kernel replay: the declarations a command added are given to the kernel once more, in dependency
order, on top of the environment the command started from. Whatever the elaborator did or skipped (e.g.
`debug.skipKernelTC`), a declaration that replays has been checked by the kernel. -/

def usedConstants (ci : ConstantInfo) : List Name :=
  let ofValue := match ci.value? with | some v => listOf v.getUsedConstants | none => []
  let extra := match ci with
    | .ctorInfo v => [v.induct]
    | .recInfo v => v.all
    | _ => []
  appendL (listOf ci.type.getUsedConstants) (appendL ofValue extra)

def ctorTypes (env : Environment) : List Name → Except String (List Constructor)
  | [] => pure []
  | c :: cs => do
    let some ci := env.find? c | throw s!"constructor {nameStr c} not found"
    return { name := c, type := ci.type } :: (← ctorTypes env cs)

def inductTypes (env : Environment) : List Name → Except String (List InductiveType)
  | [] => pure []
  | n :: ns => do
    let some (.inductInfo v) := env.find? n | throw s!"inductive {nameStr n} not found"
    return { name := n, type := v.type, ctors := ← ctorTypes env v.ctors } :: (← inductTypes env ns)

/-- The kernel declaration that adds `ci`; `none` for what the kernel makes itself (constructors,
recursors) or what cannot come from a command. -/
def declOf (env : Environment) : ConstantInfo → Except String (Option Declaration)
  | .thmInfo v => pure (some (.thmDecl v))
  | .defnInfo v => pure (some (.defnDecl v))
  | .opaqueInfo v => pure (some (.opaqueDecl v))
  | .axiomInfo v => pure (some (.axiomDecl v))
  | .inductInfo v => do return some (.inductDecl v.levelParams v.numParams (← inductTypes env v.all) v.isUnsafe)
  | _ => pure none

mutual
partial def replay (src : Environment) (n : Name) (k : Kernel.Environment) : IO Kernel.Environment := do
  if (k.find? n).isSome then return k
  let some ci := src.find? n | throw (IO.userError s!"{nameStr n} is not in the environment")
  let k ← replayAll src (usedConstants ci) k
  if (k.find? n).isSome then return k  -- a mutual inductive added with its siblings
  match declOf src ci with
  | .error e => throw (IO.userError e)
  | .ok none => return k
  | .ok (some d) => match k.addDecl {} d with
    | .ok k' => return k'
    | .error e => throw (IO.userError s!"the kernel rejects {nameStr n}: {← (e.toMessageData {}).toString}")
partial def replayAll (src : Environment) : List Name → Kernel.Environment → IO Kernel.Environment
  | [], k => pure k
  | n :: ns, k => do replayAll src ns (← replay src n k)
end

def keepAxiom (env : Environment) (n : Name) : Bool :=
  (env.getModuleIdxFor? n).isNone || coreAxioms.contains n

def constKind : ConstantInfo → String
  | .axiomInfo _ => "axiom" | .defnInfo _ => "def" | .thmInfo _ => "theorem"
  | .opaqueInfo _ => "opaque" | .quotInfo _ => "quot" | .inductInfo _ => "inductive"
  | .ctorInfo _ => "constructor" | .recInfo _ => "recursor"

/-- What a checker needs to know of one declaration: does it exist, of what kind, from where, on which
axioms it rests, whether its type is the one the reference statement elaborates to, and whether the
kernel accepts it again on top of `base`, the environment the command started from. -/
def declarationJson (base env : Environment) (reference? : Option Environment) (replayIt : Bool) (n : Name) :
    IO Json := do
  let some ci := env.find? n | return Json.mkObj [("name", nameStr n), ("found", false)]
  let (_, st) := ((CollectAxioms.collect n).run env).run {}
  let axioms := filterL (keepAxiom env) (listOf st.axioms)
  let mut fields : List (String × Json) := [("name", nameStr n), ("found", true), ("kind", constKind ci),
    ("imported", (env.getModuleIdxFor? n).isSome), ("axioms", jsonArr (mapL (fun a => Json.str (nameStr a)) axioms))]
  if let some ref := reference? then
    let same := match ref.find? n with
      | some rci => rci.type == ci.type && sameNames rci.levelParams ci.levelParams
      | none => false
    fields := appendL fields [("same_type", same)]
  if replayIt then
    -- what `native_decide` proves rests on compiled code the replay environment does not have; the
    -- axiom it adds says so, and the client's allow-list decides on it
    let outcome ← if memN ``Lean.ofReduceBool axioms || memN ``Lean.ofReduceNat axioms then
        pure "skipped: rests on compiled code (Lean.ofReduceBool/ofReduceNat)"
      else
        try
          let _ ← replay env n base.toKernelEnv
          pure "ok"
        catch e => pure e.toString
    fields := appendL fields [("replay", outcome)]
  return Json.mkObj fields

def declarationsJson (base env : Environment) (reference? : Option Environment) (replayIt : Bool) :
    List Name → IO (List Json)
  | [] => pure []
  | n :: ns => do
    return (← declarationJson base env reference? replayIt n) :: (← declarationsJson base env reference? replayIt ns)

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

def lookupRef (key : String) : List (String × Environment × List Json) → Option (Environment × List Json)
  | [] => none
  | (k, e, errs) :: rest => if k == key then some (e, errs) else lookupRef key rest

def withoutKey (key : String) : List (String × Environment × List Json) → List (String × Environment × List Json)
  | [] => []
  | (k, e, errs) :: rest => if k == key then rest else (k, e, errs) :: withoutKey key rest

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

/-- The environment after elaborating `src` on top of `base` (named by `key`), and its errors; the 32
most recently used are remembered. -/
def Repl.elaborate (r : Repl) (key : String) (base : Environment) (opts : Options) (src : String) :
    IO (Environment × List Json) := do
  let (env', errs) ← match lookupRef key (← r.elaborated.get) with
    | some hit => pure hit
    | none => do
      let (st, _, msgs) ← processCommands (inputOf src "<trusted>") {} (Command.mkState base {} opts) [] []
      pure (st.env, ← errorsJson msgs)
  r.elaborated.modify (fun l => takeL 32 ((key, env', errs) :: withoutKey key l))
  return (env', errs)

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

def Repl.runCmd (r : Repl) (req : Json) (cmd : String) : IO Json := do
  let envId := (getNat? req "env").getD 0
  let some env ← r.env? envId | return errorJson s!"unknown environment {envId}"
  let mut opts := Options.empty
  opts := opts.setBool `autoImplicit false
  opts := opts.setBool `relaxedAutoImplicit false
  opts := opts.setBool `Elab.async false
  if let some hb := getNat? req "heartbeats" then opts := opts.setNat `maxHeartbeats hb
  -- a prelude is the problem's own trusted source (e.g. a family's definitions): elaborated once per
  -- session, and the command, the reference and the replay all start from it
  let prelude := match req.getObjValAs? String "prelude" with | .ok src => src | .error _ => ""
  let prelude? ← if prelude == "" then pure none
    else some <$> r.elaborate s!"prelude\n{envId}\n{prelude}" env opts prelude
  let env := match prelude? with | some (e, _) => e | none => env
  let reference? ← match req.getObjValAs? String "reference" with
    | .ok src => some <$> r.elaborate s!"reference\n{envId}\n{prelude}\n{src}" env opts src
    | .error _ => pure none
  let t0 ← IO.monoMsNow
  let inputCtx := inputOf cmd "<input>"
  -- commands never parse an `import`; the header parser shows whether the text starts with one
  let header := headerOf env inputCtx
  if (match req.getObjValAs? Bool "parse_only" with | .ok b => b | .error _ => false) then
    let cmds := parseCommands inputCtx { env, options := opts } {} {} []
    let facts := walkL inputCtx.fileMap (header :: cmds) {}
    return Json.mkObj [("env", Json.null), ("syntax", syntaxJson facts), ("time_ms", (← IO.monoMsNow) - t0)]
  let (st, cmds, msgList) ← processCommands inputCtx {} (Command.mkState env {} opts) [] []
  let env' := st.env
  let ms := (← IO.monoMsNow) - t0
  let facts := walkL inputCtx.fileMap (header :: cmds) {}
  let replayIt := match req.getObjValAs? Bool "replay" with | .ok b => b | .error _ => false
  let decls ← declarationsJson env env' (reference?.map (·.1)) replayIt (mapL parseName (getStrings req "axioms_of"))
  let keep := match req.getObjValAs? Bool "keep" with | .ok b => b | .error _ => true
  let envField ← if keep then do
      let envs ← r.envs.get
      r.envs.set (envs.push (some env'))
      pure (Json.num envs.size)
    else pure Json.null
  let mut fields : List (String × Json) := [("env", envField), ("messages", jsonArr (← messagesJson msgList)),
    ("sorries", jsonArr (← collectSorries msgList)), ("declarations", jsonArr decls), ("syntax", syntaxJson facts),
    ("time_ms", ms)]
  if let some (_, errs) := reference? then fields := appendL fields [("reference_errors", jsonArr errs)]
  if let some (_, errs) := prelude? then fields := appendL fields [("prelude_errors", jsonArr errs)]
  return Json.mkObj fields

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
        match req.getObjVal? "drop" with
        | .ok _ => do r.dropAll (getNats req "drop"); pure (Json.mkObj [("dropped", true)])
        | .error _ => pure (errorJson "malformed request: expected a \"cmd\" string or a \"drop\" list")
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
  let mods := match args with | [] => [`Init] | _ => mapL parseName args
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
