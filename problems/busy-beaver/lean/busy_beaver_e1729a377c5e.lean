import Init

/-
A Turing machine with 2 states (A and B) and symbols 0 and 1 starts in state A on a tape of 0s. Each step it reads the cell under its head, writes, moves one cell and changes state as the table says; the halting transition also writes and moves, and counts as a step.

| state | reading 0 | reading 1 |
| --- | --- | --- |
| A | write 1, move left, go to A | write 0, move left, go to A |
| B | write 0, move right, halt | write 1, move left, go to B |

**Claim.** Started on the blank tape, the machine halts within 30 steps.
-/

/-
Busy-beaver problems: Turing machines with 2 symbols (false = 0, true = 1) on a two-way infinite tape,
started in state 0 on a blank tape. Proofs evaluate the machine in the kernel (`decide +kernel`), so
everything here is plain structural recursion on small data, and `noncomputable` (no compiled code is
needed, which halves the time to elaborate this preamble).
-/
noncomputable section
namespace BB

/-- One entry of a transition table: the symbol to write, whether to move right (else left), and the
next state (`none` = halt). -/
structure Rule where
  write : Bool
  right : Bool
  next : Option Nat

/-- A machine: for each state `q` in order, the rules for reading 0 and for reading 1. -/
abbrev Machine := List (Rule × Rule)

/-- The tape as a zipper: the state (`none` once halted), the cells left of the head (nearest first),
the cell under the head, the cells to its right (nearest first); cells not in the lists are 0. -/
structure Config where
  state : Option Nat
  left : List Bool
  head : Bool
  right : List Bool

/-- The rule of state `q` on reading `b`; a state outside the table has none. -/
def rule : Machine → Nat → Bool → Option Rule
  | [], _, _ => none
  | (r0, r1) :: _, 0, b => some (if b then r1 else r0)
  | _ :: m, q + 1, b => rule m q b

/-- Writes, moves, and enters the rule's next state. -/
def apply (r : Rule) (c : Config) : Config :=
  if r.right then
    match c.right with
    | [] => ⟨r.next, r.write :: c.left, false, []⟩
    | x :: xs => ⟨r.next, r.write :: c.left, x, xs⟩
  else
    match c.left with
    | [] => ⟨r.next, [], false, r.write :: c.right⟩
    | x :: xs => ⟨r.next, xs, x, r.write :: c.right⟩

/-- One step; a halted machine stays as it is, and a missing rule halts without writing. The halting
transition itself writes, moves and counts as a step. -/
def step (m : Machine) (c : Config) : Config :=
  match c.state with
  | none => c
  | some q =>
    match rule m q c.head with
    | none => { c with state := none }
    | some r => apply r c

/-- `k` steps. -/
def run (m : Machine) : Nat → Config → Config
  | 0, c => c
  | k + 1, c => run m k (step m c)

/-- State 0, every cell 0. -/
def blank : Config := ⟨some 0, [], false, []⟩

def count : List Bool → Nat
  | [] => 0
  | b :: bs => (if b then 1 else 0) + count bs

/-- The number of 1s on the tape. -/
def ones (c : Config) : Nat := count c.left + (if c.head then 1 else 0) + count c.right

/-- Started on a blank tape, `m` has halted after at most `k` steps. -/
def haltsWithin (m : Machine) (k : Nat) : Bool := (run m k blank).state.isNone

/-- The number of 1s on the tape after `k` steps from a blank tape. -/
def onesAfter (m : Machine) (k : Nat) : Nat := ones (run m k blank)

end BB
end

-- A false control: the statement is false, and the proof below must fail.
theorem busy_beaver_e1729a377c5e : BB.haltsWithin [(⟨true, false, some 0⟩, ⟨false, false, some 0⟩), (⟨false, true, none⟩, ⟨true, false, some 1⟩)] 30 = true :=
by decide +kernel
