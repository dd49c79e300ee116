-- !benchmark @start import type=solution
import Std.Data.HashSet
-- !benchmark @end import

@[reducible]
def lastOf_precond (xs : List Int) : Prop :=
  -- !benchmark @start precond
  xs ≠ []
  -- !benchmark @end precond

def lastOf (xs : List Int) (h_precond : lastOf_precond (xs)) : Int :=
  -- !benchmark @start code
  xs.getLast h_precond
  -- !benchmark @end code

@[reducible]
def lastOf_postcond (xs : List Int) (result : Int) (h_precond : lastOf_precond (xs)) : Prop :=
  -- !benchmark @start postcond
  result ∈ xs
  -- !benchmark @end postcond

theorem lastOf_spec_satisfied (xs : List Int) (h_precond : lastOf_precond (xs)) :
    lastOf_postcond (xs) (lastOf (xs) h_precond) h_precond := by
  -- !benchmark @start proof
  sorry
  -- !benchmark @end proof
