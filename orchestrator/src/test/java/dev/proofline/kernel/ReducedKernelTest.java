package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proofline.gpu.KernelIr;
import org.junit.jupiter.api.Test;

/** Reading `#reduce`'s printed normal form (as Lean prints it) into the IR, and refusing anything else. */
class ReducedKernelTest {
    static final String SAXPY = """
            Proofline.Kernel.Kernel.mk "saxpy" (List.cons "n" List.nil) (List.cons "a" List.nil)
              (List.cons (Prod.mk "x" (Proofline.Kernel.IExpr.size "n"))
                (List.cons (Prod.mk "y" (Proofline.Kernel.IExpr.size "n")) List.nil))
              (List.cons (Prod.mk "out" (Proofline.Kernel.IExpr.size "n")) List.nil) List.nil (Proofline.Kernel.IExpr.size "n")
              (List.cons
                (Proofline.Kernel.Phase.sync (Proofline.Kernel.Stmt.ite
                  (Proofline.Kernel.Cond.lt
                    (Proofline.Kernel.IExpr.add (Proofline.Kernel.IExpr.mul Proofline.Kernel.IExpr.bid Proofline.Kernel.IExpr.bdim)
                      Proofline.Kernel.IExpr.tid)
                    (Proofline.Kernel.IExpr.size "n"))
                  (Proofline.Kernel.Stmt.store "out"
                    (Proofline.Kernel.IExpr.add (Proofline.Kernel.IExpr.mul Proofline.Kernel.IExpr.bid Proofline.Kernel.IExpr.bdim)
                      Proofline.Kernel.IExpr.tid)
                    (Proofline.Kernel.VExpr.add
                      (Proofline.Kernel.VExpr.mul (Proofline.Kernel.VExpr.param "a")
                        (Proofline.Kernel.VExpr.load "x"
                          (Proofline.Kernel.IExpr.add (Proofline.Kernel.IExpr.mul Proofline.Kernel.IExpr.bid Proofline.Kernel.IExpr.bdim)
                            Proofline.Kernel.IExpr.tid)))
                      (Proofline.Kernel.VExpr.load "y"
                        (Proofline.Kernel.IExpr.add (Proofline.Kernel.IExpr.mul Proofline.Kernel.IExpr.bid Proofline.Kernel.IExpr.bdim)
                          Proofline.Kernel.IExpr.tid))))
                  Proofline.Kernel.Stmt.skip))
                List.nil)
            """;

    @Test
    void saxpyIsRead() {
        KernelIr ir = KernelIr.parse(ReducedKernel.json(SAXPY));
        assertEquals("(n; a) x[n], y[n] → out[n]", ir.signature().toString());
        KernelIr.Stmt.If guard = (KernelIr.Stmt.If) ((KernelIr.Phase.Sync) ir.phases().get(0)).stmt();
        KernelIr.Stmt.Store store = (KernelIr.Stmt.Store) guard.then();
        assertEquals("out", store.array());
        assertEquals("add", ((KernelIr.Value.Bin) store.value()).op());
    }

    @Test
    void whatIsNotAConstructorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReducedKernel.json(SAXPY.replace("Proofline.Kernel.Stmt.skip", "Proofline.Candidates.X.helper")));
        assertEquals("expected a Stmt constructor, got Proofline.Candidates.X.helper", e.getMessage());
    }

    /** A phase loop around two phases, then a phase after it (the shape of a tiled kernel), as `#reduce` prints it. */
    static String looped(String bound) {
        String k = "Proofline.Kernel.";
        return k + "Kernel.mk \"tiles\" (List.cons \"n\" List.nil) List.nil (List.cons (Prod.mk \"x\" (" + k + "IExpr.size \"n\")) List.nil)"
                + " (List.cons (Prod.mk \"out\" (" + k + "IExpr.size \"n\")) List.nil) (List.cons \"S\" List.nil) (" + k + "IExpr.size \"n\")"
                + " (List.cons (" + k + "Phase.loop \"t\" " + bound
                + " (List.cons (" + k + "Phase.sync (" + k + "Stmt.storeShared \"S\" " + k + "IExpr.tid (" + k + "VExpr.load \"x\" (" + k + "IExpr.ivar \"t\"))))"
                + " (List.cons (" + k + "Phase.sync " + k + "Stmt.skip) List.nil)))"
                + " (List.cons (" + k + "Phase.sync (" + k + "Stmt.store \"out\" " + k + "IExpr.tid (" + k + "VExpr.loadShared \"S\" " + k + "IExpr.tid))) List.nil))";
    }

    @Test
    void aPhaseLoopIsReadAndWrittenBack() {
        String json = ReducedKernel.json(looped("(Proofline.Kernel.IExpr.size \"n\")"));
        KernelIr ir = KernelIr.parse(json);
        KernelIr.Phase.Loop loop = (KernelIr.Phase.Loop) ir.phases().get(0);
        assertEquals("t", loop.var());
        assertEquals(2, loop.body().size());
        assertEquals(new KernelIr.Phase.Sync(new KernelIr.Stmt.Skip()), loop.body().get(1));
        assertEquals(true, json.contains("[\"phase_loop\",\"t\",[\"size\",\"n\"],[[\"store_shared\""), json);
        String term = KernelTerm.of(ir);
        assertEquals(true, term.contains("(_root_.Proofline.Kernel.Phase.loop \"t\" (_root_.Proofline.Kernel.IExpr.size \"n\") "
                + "[(_root_.Proofline.Kernel.Phase.sync (_root_.Proofline.Kernel.Stmt.storeShared \"S\""), term);
        assertEquals(true, term.contains(", (_root_.Proofline.Kernel.Phase.sync _root_.Proofline.Kernel.Stmt.skip)]"), term);
        // a bound that differs between the threads of a block is refused by validation
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(
                ReducedKernel.json(looped("Proofline.Kernel.IExpr.tid"))));
        assertEquals("kernel tiles, phase 0: the bound of phase loop 't' depends on the thread (tid): every thread of a "
                + "block must reach each barrier equally often", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ReducedKernel.json(looped("(Proofline.Kernel.IExpr.size \"n\")").replace("Phase.sync Proofline.Kernel.Stmt.skip",
                        "Phase.barrier")));
        assertEquals("expected a Phase constructor, got Proofline.Kernel.Phase.barrier with 0 arguments", e.getMessage());
    }
}
