/-
Helpers every part of the REPL program uses: list and JSON helpers written out by hand (see Repl.lean
for why), messages as JSON, and `exportAllCompiled`, which each module runs last.
-/
module
public import Lean.Elab.Frontend
public import Lean.Compiler.IR.CompilerM
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

def namesJson (l : List Name) : Json := jsonArr (mapL (fun a => Json.str (nameStr a)) l)

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

def lengthL : List α → Nat
  | [] => 0
  | _ :: as => lengthL as + 1

def dropL : Nat → List α → List α
  | 0, as => as
  | _, [] => []
  | n + 1, _ :: as => dropL n as

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

mutual
/-- The elements under persistent array nodes, in order, in front of `acc`. Walked by hand: the array's
own folds and lookups are specialised into helpers this build does not export. -/
partial def paNodes [Inhabited α] : List (PersistentArrayNode α) → List α → List α
  | [], acc => acc
  | n :: ns, acc => paNode n (paNodes ns acc)
partial def paNode [Inhabited α] : PersistentArrayNode α → List α → List α
  | .node cs, acc => paNodes (listOf cs) acc
  | .leaf vs, acc => appendL (listOf vs) acc
end

def paList [Inhabited α] (a : PersistentArray α) : List α := paNode a.root (listOf a.tail)

/-- Keeps `x` in a numbered store (environments, proof states) and returns its number. -/
def keepIn (store : IO.Ref (Array (Option α))) (x : α) : IO Nat := do
  let a ← store.get
  store.set (a.push (some x))
  return a.size

/-- Forgets the numbers of a store that are at least `first`. -/
def forgetIn (store : IO.Ref (Array (Option α))) (first : Nat) : List Nat → IO Unit
  | [] => pure ()
  | i :: is => do
    if i ≥ first then store.modify (fun a => a.set! i none)
    forgetIn store first is

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
