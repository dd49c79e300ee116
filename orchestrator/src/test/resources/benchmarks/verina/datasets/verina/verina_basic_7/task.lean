-- !benchmark @start import type=solution

-- !benchmark @end import

-- !benchmark @start precond_aux

-- !benchmark @end precond_aux

@[reducible]
def addTwo_precond (a : Nat) (b : Nat) : Prop :=
  -- !benchmark @start precond
  True
  -- !benchmark @end precond

def addTwo (a : Nat) (b : Nat) (h_precond : addTwo_precond (a) (b)) : Nat :=
  -- !benchmark @start code
  a + b
  -- !benchmark @end code

@[reducible]
def addTwo_postcond (a : Nat) (b : Nat) (result : Nat) (h_precond : addTwo_precond (a) (b)) : Prop :=
  -- !benchmark @start postcond
  result - a = b ∧ result ≥ a
  -- !benchmark @end postcond

-- !benchmark @start proof_aux

-- !benchmark @end proof_aux

theorem addTwo_spec_satisfied (a : Nat) (b : Nat) (h_precond : addTwo_precond (a) (b)) :
    addTwo_postcond (a) (b) (addTwo (a) (b) h_precond) h_precond := by
  -- !benchmark @start proof
  unfold addTwo addTwo_postcond
  omega
  -- !benchmark @end proof
