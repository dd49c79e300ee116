package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Nvcc;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel claims against real Lean (one pool for the class): every shipped task's reference and baseline through
 * check's judge and the whole chain, and each way of cheating a claim, written as an attacker would, refused.
 */
class KernelClaimsTest {
    static final Path RES = Path.of("src/test/resources/kernels");
    static final Path EVAL_IO_FILE = Path.of("/tmp/proofline-kernel-cheat-eval-io.txt");
    static KernelCatalog catalog;
    static LeanPool pool;
    static KernelJudge judge;
    static KernelTask vecAdd;
    static Optional<GpuDevice> gpu;

    @BeforeAll
    static void start() throws Exception {
        Files.deleteIfExists(EVAL_IO_FILE);
        catalog = KernelCatalog.find();
        pool = Lean.pool().workers(1).timeout(Duration.ofMinutes(5)).open();
        judge = new KernelJudge(pool, catalog.language());
        vecAdd = catalog.task("vec_add");
        gpu = GpuDevice.openIfPresent();
    }

    @AfterAll
    static void stop() {
        pool.close();
        gpu.ifPresent(GpuDevice::close);
    }

    static KernelJudge.Claim cheat(KernelTask task, String name) throws Exception {
        return judge.judge(task, KernelCandidate.load(RES.resolve("cheats").resolve(name)));
    }

    static KernelVerifier verifier(Path out) {
        return new KernelVerifier(out, Nvcc.find(), gpu, GpuTiming.Plan.DEFAULT.withBudget(Duration.ofMillis(300)));
    }

    @Test
    void shippedTasksVerifyEndToEnd(@TempDir Path out) throws Exception {
        assertEquals(List.of("block_sum", "layer_norm", "matmul", "relu", "row_sum", "saxpy", "sigmoid", "softmax",
                "transpose", "vec_add"), catalog.taskNames());
        for (KernelTask t : catalog.tasks()) {
            KernelJudge.Claim c = judge.judge(t, catalog.candidate(t.name()));
            assertTrue(c.accepted(), t.name() + ": " + c.reasons() + " " + c.messages());
            assertEquals(t.shapes(), c.admitted(), t.name());
            Optional<KernelJudge.Claim> b = catalog.baseline(t).isPresent()
                    ? Optional.of(judge.judge(t, catalog.baseline(t).get())) : Optional.empty();
            b.ifPresent(bc -> assertTrue(bc.accepted(), t.name() + " baseline: " + bc.reasons()));
            ClaimReport r = verifier(out).verify(t, c, b, judge.oracle(t, Map.of()));
            List<String> lines = r.lines();
            assertFalse(r.failed(), String.join("\n", lines));
            // the spec, evaluated by Lean, was compared with the interpreter on at least one shape of each task
            assertTrue(lines.stream().anyMatch(l -> l.matches("\\{.*\\} +(f32|i32) +\\w+ +✓ +✓ .*")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(".ptx  ✓ " + Nvcc.find().map(Nvcc::version).orElse("")
                    + ", -ptx -O3 -fmad=false -arch=compute_80; one entry, no calls")) || Nvcc.find().isEmpty(), String.join("\n", lines));
            String timing = lines.get(lines.indexOf("## timing") + 1);
            assertTrue(gpu.isEmpty() ? timing.startsWith("no GPU: skipped execution (")
                    : timing.startsWith("CUDA events around one launch per sample"), timing);
        }
    }

    /** A precondition of the candidate's own that never holds proves anything: the claim uses the task's. */
    @Test
    void preFalseIsRejected() throws Exception {
        KernelJudge.Claim c = cheat(vecAdd, "pre_false");
        assertFalse(c.accepted());
        assertTrue(c.judged(), "judged by check's judge");
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("lean-error: ") && r.contains("Type mismatch")), c.reasons().toString());
    }

    @Test
    void skipKernelTcIsRefusedBeforeElaboration() throws Exception {
        KernelJudge.Claim c = cheat(vecAdd, "skip_kernel_tc");
        assertFalse(c.accepted());
        assertNull(c.ir(), "never elaborated, so no IR either");
        assertEquals(List.of("policy: set_option debug.skipKernelTC at 14:0 is not allowed"), c.reasons());
    }

    @Test
    void evalDoingFileIoIsRefusedAndNeverRuns() throws Exception {
        KernelJudge.Claim c = cheat(vecAdd, "eval_io");
        assertFalse(c.accepted());
        assertEquals(List.of("policy: #eval at 5:0 is not allowed"), c.reasons());
        assertFalse(Files.exists(EVAL_IO_FILE), "the #eval ran");
    }

    /** What runs is Kernel.json of NS.kernel; a proof about another kernel does not prove the claim about it. */
    @Test
    void proofOfAnotherKernelIsRejected() throws Exception {
        KernelJudge.Claim c = cheat(vecAdd, "other_kernel");
        assertFalse(c.accepted());
        assertNotNull(c.ir());
        assertTrue(c.irJson().contains("\"mul\""), "the IR is the kernel named kernel, the one that multiplies: " + c.irJson());
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("lean-error: ") && r.contains("Type mismatch")), c.reasons().toString());
    }

    @Test
    void shapesOutsidePreAreNotRun(@TempDir Path out) throws Exception {
        KernelTask bounded = KernelTask.load(RES.resolve("bounded_task"));
        KernelJudge.Claim c = judge.judge(bounded, KernelCandidate.load(RES.resolve("bounded_candidate")));
        assertTrue(c.accepted(), c.reasons().toString());
        assertEquals(List.of(Map.of("n", 1L), Map.of("n", 1000L)), c.admitted());
        assertEquals(1, c.refused().size());
        assertTrue(c.refused().get(0).startsWith("{n=5000} (grid 20, block 256): Lean does not prove pre: "), c.refused().get(0));
        ClaimReport r = verifier(out).verify(bounded, c, Optional.empty(), judge.oracle(bounded, Map.of()));
        assertFalse(r.failed(), String.join("\n", r.lines()));
        assertTrue(r.lines().contains("✗ not run: " + c.refused().get(0)));
        assertTrue(r.lines().stream().noneMatch(l -> l.startsWith("{n=5000} ")), String.join("\n", r.lines()));
    }

    @Test
    void taskWhosePreAdmitsNoShapeIsRefused() throws Exception {
        KernelTask never = KernelTask.load(RES.resolve("never_task"));
        KernelJudge.Claim c = judge.judge(never, KernelCandidate.load(RES.resolve("bounded_candidate")));
        assertFalse(c.accepted());
        assertEquals(List.of("pre: the task's pre admits none of its shapes, so nothing can be run"), c.reasons());
        assertEquals(2, c.refused().size());
    }

    /** An unproved kernel that stays in bounds is still caught by the spec itself, not only by its proof. */
    @Test
    void wrongKernelDisagreesWithTheSpec(@TempDir Path out) throws Exception {
        KernelJudge.Claim c = cheat(vecAdd, "mul_not_add");
        assertFalse(c.accepted());
        assertTrue(c.reasons().contains("sorry: the proof uses sorry"), c.reasons().toString());
        ClaimReport r = verifier(out).verify(vecAdd, c, Optional.empty(), judge.oracle(vecAdd, Map.of()));
        assertTrue(r.failed());
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("{n=1000} ") && l.contains("✗")
                && l.contains("the interpreter: c[") && l.contains(", spec says ")), String.join("\n", r.lines()));
    }

    /** The GPU machine has no Lean: what Lean said here, saved, gives the same report there, and only for the same files. */
    @Test
    void savedJudgementsGiveTheSameReportWithoutLean(@TempDir Path out) throws Exception {
        KernelCandidate reference = catalog.candidate("vec_add");
        KernelJudge.Claim c = judge.judge(vecAdd, reference);
        SpecOracle oracle = judge.oracle(vecAdd, Map.of());
        ClaimReport withLean = verifier(out).verify(vecAdd, c, Optional.empty(), oracle);
        SavedJudgements saved = new SavedJudgements(out.resolve("judged"));
        String key = SavedJudgements.key(catalog.language(), vecAdd, reference);
        saved.save(key, c);
        saved.saveSpecOutputs(key, oracle.answers());

        ClaimReport withoutLean = verifier(out).verify(vecAdd, saved.claim(key).orElseThrow(), Optional.empty(),
                SpecOracle.saved(vecAdd, saved.specOutputs(key)));
        assertFalse(withoutLean.failed(), String.join("\n", withoutLean.lines()));
        assertEquals(withLean.lines(), withoutLean.lines());
        assertFalse(key.equals(SavedJudgements.key(catalog.language(), vecAdd, KernelCandidate.load(RES.resolve("cheats/mul_not_add")))));
    }
}
