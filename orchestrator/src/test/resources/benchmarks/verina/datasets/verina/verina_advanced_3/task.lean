-- !benchmark @start import type=solution
import Mathlib
-- !benchmark @end import

def isPrimeNat (n : Nat) : Bool :=
  -- !benchmark @start code
  Nat.Prime n
  -- !benchmark @end code

theorem isPrimeNat_spec_satisfied (n : Nat) : isPrimeNat n = true ↔ Nat.Prime n := by
  -- !benchmark @start proof
  simp [isPrimeNat]
  -- !benchmark @end proof
