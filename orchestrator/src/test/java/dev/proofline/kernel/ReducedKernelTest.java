package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proofline.gpu.KernelIr;
import org.junit.jupiter.api.Test;

/** Reading `#reduce`'s printed normal form (as Lean printed it for saxpy) into the IR, and refusing anything else. */
class ReducedKernelTest {
    static final String SAXPY = """
            Proofline.Kernel.Kernel.mk "saxpy" (List.cons "n" List.nil) (List.cons "a" List.nil)
              (List.cons (Prod.mk "x" (Proofline.Kernel.IExpr.size "n"))
                (List.cons (Prod.mk "y" (Proofline.Kernel.IExpr.size "n")) List.nil))
              (List.cons (Prod.mk "out" (Proofline.Kernel.IExpr.size "n")) List.nil) List.nil (Proofline.Kernel.IExpr.size "n")
              (List.cons
                (Proofline.Kernel.Stmt.ite
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
                  Proofline.Kernel.Stmt.skip)
                List.nil)
            """;

    @Test
    void saxpyIsRead() {
        KernelIr ir = KernelIr.parse(ReducedKernel.json(SAXPY));
        assertEquals("(n; a) x[n], y[n] → out[n]", ir.signature().toString());
        KernelIr.Stmt.If guard = (KernelIr.Stmt.If) ir.phases().get(0);
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
}
