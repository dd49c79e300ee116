package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.gpu.ElemType;
import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Interpreter;
import dev.proofline.gpu.Nvcc;
import dev.proofline.gpu.Tolerance;
import dev.proofline.gpu.ValueClass;
import dev.proofline.gpu.Workload;
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

    /**
     * A tree reduction reassociates the spec's sum: it proves VerifiedReassoc (integer-like scalars), which block_sum
     * allows; its report says what that means, and its f32 outputs, which differ from the baseline's in their last
     * bits, are compared with the baseline within tolerance while int32 stays exact.
     */
    @Test
    void treeReductionIsProvedForIntegerLikeScalars(@TempDir Path out) throws Exception {
        KernelTask blockSum = catalog.task("block_sum");
        assertTrue(blockSum.reassociation());
        KernelJudge.Claim c = judge.judge(blockSum, KernelCandidate.load(catalog.root().resolve("block_sum/tree")));
        assertTrue(c.accepted(), c.reasons() + " " + c.messages());
        assertEquals(KernelCandidate.Claim.VERIFIED_REASSOC, c.kind());
        assertEquals(blockSum.shapes(), c.admitted());
        KernelJudge.Claim b = judge.judge(blockSum, catalog.baseline(blockSum).orElseThrow());
        assertTrue(b.accepted(), b.reasons().toString());
        assertEquals(KernelCandidate.Claim.VERIFIED, b.kind());
        ClaimReport r = verifier(out).verify(blockSum, c, Optional.of(b), judge.oracle(blockSum, Map.of()));
        List<String> lines = r.lines();
        assertFalse(r.failed(), String.join("\n", lines));
        assertTrue(lines.contains("✓ accepted: kernel ⊢ VerifiedReassoc <its IR> Proofline.Tasks.BlockSum.pre "
                + "Proofline.Tasks.BlockSum.spec (policy, replay in a clean process, statement, axioms " + c.axioms() + ")"),
                String.join("\n", lines));
        assertTrue(lines.contains("  kernel reassociates sums: proved for integer-like scalars (int32 exact); floats checked "
                + "by tolerance, not proved"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\{n=1000\\} +f32 +random +✓ +✓ +\\S+ +✓")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\{n=1000\\} +i32 +random +✓ +✓ +\\S+ +✓")), String.join("\n", lines));

        // the reassociation is real: on f32 the two kernels differ in some bits, within the tolerance; on i32 they agree
        Map<String, Long> shape = Map.of("n", 1000L);
        for (ElemType t : ElemType.values()) {
            Workload w = Workload.of(c.ir(), t, shape, ValueClass.RANDOM, blockSum.block(), 42);
            int[] tree = new Interpreter(c.ir(), t).run(w.launch(), w.inputs(), w.params()).outputs().get("out");
            Workload wb = w.launchedFor(b.ir());
            int[] serial = new Interpreter(b.ir(), t).run(wb.launch(), wb.inputs(), wb.params()).outputs().get("out");
            assertEquals(t == ElemType.I32, t.firstDifference(tree, serial) < 0, t.suffix());
            assertEquals(-1, Tolerance.FP32.firstMismatch(t, tree, serial), t.suffix());
        }

        // the saved judgement keeps which claim was proved
        SavedJudgements saved = new SavedJudgements(out.resolve("judged"));
        saved.save("k", c);
        assertEquals(KernelCandidate.Claim.VERIFIED_REASSOC, saved.claim("k").orElseThrow().kind());
    }

    /** Whether reassociation is acceptable is the task's to say: a task without it refuses the weaker claim, before Lean. */
    @Test
    void reassociationForATaskThatDoesNotAllowItIsRejected(@TempDir Path root) throws Exception {
        KernelTask blockSum = catalog.task("block_sum");
        Path dir = Files.createDirectories(root.resolve("block_sum_exact"));
        Files.copy(blockSum.lean(), dir.resolve("task.lean"));
        Files.writeString(dir.resolve("task.json"), "{\"namespace\": \"Proofline.Tasks.BlockSum\", \"signature\": "
                + "\"(n) x[n] → out[gdim]\", \"block\": 256, \"shapes\": [{\"n\": 1000}]}");
        KernelTask exact = KernelTask.load(dir);
        assertFalse(exact.reassociation());
        KernelJudge.Claim c = judge.judge(exact, KernelCandidate.load(catalog.root().resolve("block_sum/tree")));
        assertFalse(c.accepted());
        assertFalse(c.judged());
        assertNull(c.ir());
        assertEquals(List.of("claim: the candidate claims VerifiedReassoc (a kernel that reassociates sums, proved for "
                + "integer-like scalars only) but task block_sum_exact does not allow reassociation (its task.json has no "
                + "\"reassociation\": \"int-like\"): it must prove Verified"), c.reasons());
    }

    /** The claim's name is the trusted preamble's: a candidate's own VerifiedReassoc, or one declared again, proves nothing. */
    @Test
    void candidateRedefiningTheReassociatingClaimIsRejected() throws Exception {
        KernelTask blockSum = catalog.task("block_sum");
        KernelJudge.Claim own = judge.judge(blockSum, KernelCandidate.load(RES.resolve("reassoc_cheats/own_claim")));
        assertFalse(own.accepted());
        assertTrue(own.judged(), "judged by check's judge");
        assertTrue(own.reasons().stream().anyMatch(r -> r.startsWith("lean-error: ") && r.contains("Type mismatch")),
                own.reasons().toString());
        KernelJudge.Claim again = judge.judge(blockSum, KernelCandidate.load(RES.resolve("reassoc_cheats/redeclare_claim")));
        assertFalse(again.accepted());
        assertTrue(again.messages().stream().anyMatch(m -> "error".equals(m.severity()) && m.data().contains("has already been declared")),
                again.reasons() + " " + again.messages());
    }

    /** A candidate declaring the strong claim whose proof proves only the weaker one: the statement does not match. */
    @Test
    void strongClaimWithOnlyTheWeakProofIsRejected(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("tree_claims_verified"));
        Files.copy(catalog.root().resolve("block_sum/tree/candidate.lean"), dir.resolve("candidate.lean"));
        Files.writeString(dir.resolve("candidate.json"), "{\"namespace\": \"Proofline.Kernels.BlockSumTree\"}");
        KernelCandidate strong = KernelCandidate.load(dir);
        assertEquals(KernelCandidate.Claim.VERIFIED, strong.claim());
        KernelJudge.Claim c = judge.judge(catalog.task("block_sum"), strong);
        assertFalse(c.accepted());
        assertTrue(c.judged(), "judged by check's judge");
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("lean-error: ") && r.contains("Type mismatch")), c.reasons().toString());
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
