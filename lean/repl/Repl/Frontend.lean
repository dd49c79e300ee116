/-
The frontend: sessions' environments, commands elaborated on the calling thread, remembered preludes
and reference statements.
-/
module
public import Repl.Util
public section
open Lean Elab

structure Repl where
  /-- `envs[i]` is environment `i` with its scopes (namespace, `open`, options); 0 is the imported header,
  `none` once dropped. -/
  envs : IO.Ref (Array (Option Command.State))
  /-- Preludes and reference statements already elaborated, with their errors, most recently used first:
  a problem family shares one prelude, a problem's many candidates one reference. -/
  elaborated : IO.Ref (List (String × Command.State × List Json))

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

def Repl.state? (r : Repl) (i : Nat) : IO (Option Command.State) := do
  let envs ← r.envs.get
  return (envs[i]?).join

def Repl.env? (r : Repl) (i : Nat) : IO (Option Environment) := do
  return (← r.state? i).map (·.env)

/-- Keeps `st` as a new environment and returns its number. -/
def Repl.keep (r : Repl) (st : Command.State) : IO Nat := keepIn r.envs st

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

/-- What elaborating a text gave: the final state, the commands parsed, every message, and the info trees
(only if the starting state's info state was enabled). -/
structure Elaborated where
  state : Command.State
  commands : List Syntax
  messages : List Message
  trees : List InfoTree

/-- Elaborates the rest of `ictx` on top of `st`. In Lean 4.28 `elabCommandTopLevel` leaves only the
command's own messages and info trees in the state (its own frontend reports command by command), so
each command's are collected here as they come. -/
partial def processCommands (ictx : Parser.InputContext) (pst : Parser.ModuleParserState) (st : Command.State)
    (cmds : List Syntax) (msgs : List Message) (trees : List InfoTree) : IO Elaborated := do
  let scope := match st.scopes with | s :: _ => s | [] => { header := "" }
  let pmctx : Parser.ParserModuleContext :=
    { env := st.env, options := scope.opts, currNamespace := scope.currNamespace, openDecls := scope.openDecls }
  let (cmd, pst', parsed) := Parser.parseCommand ictx pmctx pst {}
  let st ← elabCommand ictx pst.pos { st with messages := {}, infoState.trees := {} } cmd
  let msgs := appendL msgs (appendL parsed.toList st.messages.toList)
  let trees := appendL trees (paList st.infoState.trees)
  if Parser.isTerminalCommand cmd then return ⟨st, reverseL (cmd :: cmds) [], msgs, trees⟩
  else processCommands ictx pst' st (cmd :: cmds) msgs trees

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
      let e ← processCommands (inputOf src "<trusted>") {} { start with messages := {} } [] [] []
      pure (e.state, ← errorsJson e.messages)
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
def headerOf (env : Environment) (ictx : Parser.InputContext) : Syntax × String.Pos.Raw :=
  let p := Parser.andthenFn Parser.whitespace Parser.Module.header.fn
  let s := p.run ictx { env, options := {} } (Parser.Module.updateTokens (Parser.getTokenTable env))
    (Parser.mkParserState ictx.inputString)
  (if s.stxStack.isEmpty then .missing else s.stxStack.back, s.pos)

/-- The commands of `ictx` as parsed on top of `env`, without elaborating any: what a policy looks at
before anything runs. (Elaboration may extend the syntax; the elaborating request reports the syntax it
really parsed, too.) -/
partial def parseCommands (ictx : Parser.InputContext) (pmctx : Parser.ParserModuleContext)
    (st : Parser.ModuleParserState) (msgs : MessageLog) (acc : List Syntax) : List Syntax :=
  let (cmd, st', msgs') := Parser.parseCommand ictx pmctx st msgs
  if Parser.isTerminalCommand cmd then reverseL (cmd :: acc) [] else parseCommands ictx pmctx st' msgs' (cmd :: acc)

def getBool (j : Json) (k : String) (default : Bool) : Bool :=
  match j.getObjValAs? Bool k with | .ok b => b | .error _ => default


run_cmd exportAllCompiled
