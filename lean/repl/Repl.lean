/-
Proofline REPL: one JSON request per line on stdin, one JSON response per line on stdout.

Command shapes follow the community Lean REPL where they overlap (`cmd`, `env`, `messages`, `sorries`),
plus what a proof checker needs: `axioms_of` (per-declaration axioms), `heartbeats`, `keep`, `drop`.

Written for the WebAssembly build of Lean, whose .olean files carry only exported declarations: the
compiler cannot specialise library helpers that are private there, so this file uses plain recursion over
`List` instead of `for` loops and folds over library containers.
-/
import Lean.Elab.Frontend
import Lean.Util.CollectAxioms
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

def listOf [Inhabited α] (a : Array α) : List α :=
  go a.size []
where
  go : Nat → List α → List α
    | 0, acc => acc
    | i + 1, acc => go i (a[i]! :: acc)

def jsonArr (l : List Json) : Json := Json.arr (arrayOf #[] l)

structure Repl where
  /-- `envs[i]` is environment `i`; 0 is the imported header, `none` once dropped. -/
  envs : IO.Ref (Array (Option Environment))

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

def keepAxiom (env : Environment) (n : Name) : Bool :=
  (env.getModuleIdxFor? n).isNone || coreAxioms.contains n

def constKind : ConstantInfo → String
  | .axiomInfo _ => "axiom" | .defnInfo _ => "def" | .thmInfo _ => "theorem"
  | .opaqueInfo _ => "opaque" | .quotInfo _ => "quot" | .inductInfo _ => "inductive"
  | .ctorInfo _ => "constructor" | .recInfo _ => "recursor"

/-- What a checker needs to know of one declaration: does it exist, of what kind, from where, and on
which axioms does it rest. -/
def declarationJson (env : Environment) (n : Name) : Json :=
  match env.find? n with
  | none => Json.mkObj [("name", nameStr n), ("found", false)]
  | some ci =>
    let (_, st) := ((CollectAxioms.collect n).run env).run {}
    let axioms := filterL (keepAxiom env) (listOf st.axioms)
    Json.mkObj [("name", nameStr n), ("found", true), ("kind", constKind ci),
      ("imported", (env.getModuleIdxFor? n).isSome),
      ("axioms", jsonArr (mapL (fun a => Json.str (nameStr a)) axioms))]

def getNat? (j : Json) (k : String) : Option Nat :=
  match j.getObjValAs? Nat k with | .ok n => some n | .error _ => none

def getList (j : Json) (k : String) : List Json :=
  match j.getObjVal? k with
  | .ok (.arr a) => listOf a
  | _ => []

def getStrings (j : Json) (k : String) : List String :=
  filterMapStr (getList j k)
where
  filterMapStr : List Json → List String
    | [] => []
    | .str s :: js => s :: filterMapStr js
    | _ :: js => filterMapStr js

def getNats (j : Json) (k : String) : List Nat :=
  filterMapNat (getList j k)
where
  filterMapNat : List Json → List Nat
    | [] => []
    | j :: js => match j.getNat? with
      | .ok n => n :: filterMapNat js
      | .error _ => filterMapNat js

def errorJson (msg : String) : Json := Json.mkObj [("error", msg)]

def Repl.env? (r : Repl) (i : Nat) : IO (Option Environment) := do
  let envs ← r.envs.get
  return (envs[i]?).join

def Repl.runCmd (r : Repl) (req : Json) (cmd : String) : IO Json := do
  let envId := (getNat? req "env").getD 0
  let some env ← r.env? envId | return errorJson s!"unknown environment {envId}"
  let mut opts := Options.empty
  opts := opts.setBool `autoImplicit false
  opts := opts.setBool `relaxedAutoImplicit false
  if let some hb := getNat? req "heartbeats" then opts := opts.setNat `maxHeartbeats hb
  let t0 ← IO.monoMsNow
  let (env', msgs) ← Lean.Elab.process cmd env opts "<input>"
  let ms := (← IO.monoMsNow) - t0
  let msgList := msgs.toList
  let decls := mapL (fun s => declarationJson env' (parseName s)) (getStrings req "axioms_of")
  let keep := match req.getObjValAs? Bool "keep" with | .ok b => b | .error _ => true
  let envField ← if keep then do
      let envs ← r.envs.get
      r.envs.set (envs.push (some env'))
      pure (Json.num envs.size)
    else pure Json.null
  return Json.mkObj [("env", envField), ("messages", jsonArr (← messagesJson msgList)),
    ("sorries", jsonArr (← collectSorries msgList)), ("declarations", jsonArr decls), ("time_ms", ms)]

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

/-- `lean --run Repl.lean [Module …]`: imports the header modules (default `Init`) once, says it is
ready, then answers requests until stdin closes. -/
public def main (args : List String) : IO UInt32 := do
  let mods := match args with | [] => [`Init] | _ => mapL parseName args
  let env ← importModules (arrayOf #[] (mapL (fun m => { module := m }) mods)) {}
    (trustLevel := 1024) (loadExts := true)
  let stdout ← IO.getStdout
  stdout.putStrLn (Json.mkObj [("ready", true), ("header", jsonArr (mapL (fun m => Json.str (nameStr m)) mods)),
    ("lean", Lean.versionString)]).compress
  stdout.flush
  let r : Repl := { envs := ← IO.mkRef #[some env] }
  r.loop (← IO.getStdin) stdout
  -- Exit at once: tearing down the imported environments crashes this build's runtime at shutdown.
  IO.Process.exit 0
