namespace Proofline.Tasks.BlockSum
open Proofline.Kernel

/-- Element `k` of block `b`'s slice, zero past the end. -/
def slice {α} [Scalar α] (n block : Nat) (x : Nat → α) (b k : Nat) : α :=
  if b * block + k < n then x (b * block + k) else Scalar.zero

def blockSum {α} [Scalar α] (n block : Nat) (x : Nat → α) (b : Nat) : α :=
  sumRange (slice n block x b) block

/-- Blocks of 256 threads, the block `task.json` launches: a tree reduction's levels are fixed by it. -/
def pre {α} (L : Launch α) : Prop := L.block = 256

def spec {α} [Scalar α] (L : Launch α) (out : Mem α) : Mem α :=
  out.fill "out" L.grid (blockSum (L.sizes "n") L.block (L.input "x"))

end Proofline.Tasks.BlockSum
