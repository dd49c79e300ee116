/-
What was parsed, for Proofline's command policy (`CommandPolicy` judges it in Java).
-/
module
public import Repl.Util
public section
open Lean Elab

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


run_cmd exportAllCompiled
