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
public import Repl.Syntax
public import Repl.Judge
public import Repl.InfoTreeJson
public section
open Lean Elab

def Repl.runCmd (r : Repl) (req : Json) (cmd : String) : IO Json := do
  let envId := (getNat? req "env").getD 0
  let some env ← r.env? envId | return errorJson s!"unknown environment {envId}"
  let (start, preludeErrs?, ref?) ← r.problem req envId env
  let t0 ← IO.monoMsNow
  let inputCtx := inputOf cmd "<input>"
  -- commands never parse an `import`; the header parser shows whether the text starts with one
  let (header, headerEnd) := headerOf start.env inputCtx
  if getBool req "parse_only" false then
    let scope := match start.scopes with | s :: _ => s | [] => { header := "" }
    let pmctx : Parser.ParserModuleContext :=
      { env := start.env, options := scope.opts, currNamespace := scope.currNamespace, openDecls := scope.openDecls }
    -- `"header": true`: a whole file, whose header this process imported, as a session command reads it
    let pst : Parser.ModuleParserState := if getBool req "header" false then { pos := headerEnd } else {}
    let cmds := parseCommands inputCtx pmctx pst {} []
    let facts := factsOf inputCtx.fileMap header cmds
    return Json.mkObj [("env", Json.null), ("syntax", syntaxJson facts), ("time_ms", (← IO.monoMsNow) - t0)]
  let e ← processCommands inputCtx {} { start with messages := {} } [] [] []
  let env' := e.state.env
  let ms := (← IO.monoMsNow) - t0
  let facts := factsOf inputCtx.fileMap header e.commands
  let decls := mapL (fun n => declarationJson env' n.toName) (getStrings req "axioms_of")
  let envField ← if getBool req "keep" true then pure (Json.num (← r.keep e.state)) else pure Json.null
  let mut fields : List (String × Json) := [("env", envField), ("messages", jsonArr (← messagesJson e.messages)),
    ("sorries", jsonArr (← collectSorries e.messages)), ("declarations", jsonArr decls), ("syntax", syntaxJson facts),
    ("time_ms", ms)]
  if let (true, some (_, _, targets)) := (getBool req "export" false, ref?) then
    fields := appendL fields [("export", match exportJson start.env env' targets with
      | .ok j => j
      | .error e => errorJson e)]
  return Json.mkObj (appendL fields (problemFields preludeErrs? ref?))

/-- `{"cmd", "env", "session": true, "header"?, "export"?}`: a command of an interactive session, as the
community REPL runs it. It continues environment `env` with its scopes (`open`, `namespace`, options
stay in force from one command to the next); with `"header": true` it starts with the header (its
`import`s) this process imported, and its commands start after it. The reply names each `sorry`'s proof
state, the theorems the command declared, and, if asked, exports them and everything of the session they
rest on, for a judgement. -/
def Repl.runSessionCmd (r : Repl) (ps : ProofStates) (req : Json) (cmd : String) : IO Json := do
  let envId := (getNat? req "env").getD 0
  let some start ← r.state? envId | return errorJson "Unknown environment."
  let some header ← r.env? 0 | return errorJson "the header environment is gone"
  let t0 ← IO.monoMsNow
  let inputCtx := inputOf cmd "<input>"
  let (headerStx, headerEnd) := headerOf start.env inputCtx
  let pst : Parser.ModuleParserState := if getBool req "header" false then { pos := headerEnd } else {}
  let e ← processCommands inputCtx pst { start with messages := {}, infoState := { enabled := true } } [] [] []
  let found := findSorries e.trees
  let found := if getBool req "root_goals" false then appendL found (findRootGoals e.trees) else found
  let sorries ← sorriesJson ps start.env none true found
  let tactics ← if getBool req "all_tactics" false then tacticsJson ps start.env (findTactics e.trees) else pure []
  let infotree ← match req.getObjValAs? String "infotree" with
    | .ok mode => treesJson mode none e.trees
    | .error _ => pure []
  let declared := newTheorems start.env e.state.env
  let id ← r.keep { e.state with messages := {}, infoState := {} }
  let fields : List (String × Json) := [("env", id), ("messages", jsonArr (← messagesJson e.messages)),
    ("sorries", jsonArr sorries), ("tactics", jsonArr tactics), ("infotree", jsonArr infotree),
    ("declared", namesJson declared),
    ("syntax", syntaxJson (factsOf inputCtx.fileMap headerStx e.commands)), ("time_ms", (← IO.monoMsNow) - t0)]
  if getBool req "export" false then
    return Json.mkObj (appendL fields [("export", match exportJson header e.state.env declared with
      | .ok j => j
      | .error err => errorJson err)])
  return Json.mkObj fields

/-- `{"judge": export, "prelude", "reference", "options"}`: the exported declarations rebuilt and replayed
here, in a session that elaborates only trusted source, and judged against the reference's theorems. With
`"targets"` instead of a reference (a session's `verify`), those theorems are judged as they state
themselves. -/
def Repl.runJudge (r : Repl) (req : Json) (exp : Json) : IO Json := do
  let some header ← r.env? 0 | return errorJson "the header environment is gone"
  let (start, preludeErrs?, ref?) ← r.problem req 0 header
  let (reference?, targets) := match ref? with
    | some (refSt, _, targets) => (some refSt.env, targets)
    | none => (none, mapL String.toName (getStrings req "targets"))
  let t0 ← IO.monoMsNow
  let rebuilt := do
    let exprs ← exprsOf #[] (← arrOf (← field exp "exprs"))
    mapE (entryOf exprs) (← arrOf (← field exp "decls"))
  let verdict ← match rebuilt with
    | .ok entries => do pure [("declarations", jsonArr (← judgeTargets header start.env reference? entries targets))]
    | .error e => pure [("declarations", jsonArr []), ("export_error", Json.str e)]
  return Json.mkObj (appendL verdict (("time_ms", toJson ((← IO.monoMsNow) - t0)) :: problemFields preludeErrs? ref?))


def Repl.handle (r : Repl) (ps : ProofStates) (line : String) : IO Json := do
  match Json.parse line with
  | .error e => return errorJson s!"malformed request: not JSON ({e})"
  | .ok req =>
    let reply ← match req.getObjValAs? String "cmd", req.getObjValAs? String "tactic", getNat? req "describe" with
      | .ok cmd, _, _ => if getBool req "session" false then r.runSessionCmd ps req cmd else r.runCmd req cmd
      | _, .ok tactic, _ => ps.runTactic req tactic
      | _, _, some n => ps.describe n
      | _, _, none =>
        match req.getObjVal? "judge", req.getObjVal? "drop" with
        | .ok exp, _ => r.runJudge req exp
        | _, .ok _ => do
          -- environment 0 is the pristine header every request falls back to; it is never dropped
          forgetIn r.envs 1 (getNats req "drop")
          forgetIn ps.states 0 (getNats req "drop_proof_states")
          pure (Json.mkObj [("dropped", true)])
        | _, _ => pure (errorJson ("malformed request: expected a \"cmd\" or \"tactic\" string, a \"describe\" " ++
          "number, a \"judge\" object or a \"drop\" list"))
    -- echo the client's request id so it can tell replies from anything else on stdout
    match req.getObjVal? "id" with
    | .ok id => return reply.setObjVal! "id" id
    | .error _ => return reply

partial def Repl.loop (r : Repl) (ps : ProofStates) (stdin : IO.FS.Stream) (stdout : IO.FS.Stream) : IO Unit := do
  let line ← stdin.getLine
  if line == "" then return
  -- blank lines are skipped; the JSON parser ignores the trailing newline itself
  unless line == "\n" || line == "\r\n" do
    let reply ← try r.handle ps line catch e => pure (errorJson s!"internal error: {e}")
    stdout.putStrLn reply.compress
    stdout.flush
  r.loop ps stdin stdout

/-- `lean --run Main.lean [Module …]` (or `Repl.lean`): imports the header modules (default `Init`) once, says it is
ready, then answers requests until stdin closes. -/
public def main (args : List String) : IO UInt32 := do
  -- as `lean` imports a file's header: `Init` first, unless the header is a `prelude`
  let mods := match args with
    | "prelude" :: ms => mapL String.toName ms
    | ms => `Init :: filterL (· != `Init) (mapL String.toName ms)
  let stdout ← IO.getStdout
  -- a header that does not import (a module this Lean lacks) is said as one line, told apart from a crash
  let imports := arrayOf #[] (mapL (fun m => { module := m }) mods)
  let env ← try importModules imports {} (trustLevel := 1024) (loadExts := true)
    catch e => do
      stdout.putStrLn (Json.mkObj [("ready", false), ("error", toString e)]).compress
      stdout.flush
      IO.Process.exit 1
  stdout.putStrLn (Json.mkObj [("ready", true), ("header", jsonArr (mapL (fun m => Json.str (nameStr m)) mods)),
    ("lean", Lean.versionString)]).compress
  stdout.flush
  let header := Command.mkState env {} (Options.empty.setBool `Elab.async false)
  let r : Repl := { envs := ← IO.mkRef #[some header], elaborated := ← IO.mkRef [] }
  r.loop { states := ← IO.mkRef #[] } (← IO.getStdin) stdout
  -- Exit at once: tearing down the imported environments crashes this build's runtime at shutdown.
  IO.Process.exit 0


run_cmd exportAllCompiled
