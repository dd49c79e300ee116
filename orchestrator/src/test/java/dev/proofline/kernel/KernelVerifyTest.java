package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Nvcc;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped kernel's proof against real Lean (one session), and the off-by-one kernel caught twice. */
class KernelVerifyTest {
    static final Path WRONG = Path.of("src/test/resources/kernels/vec_add_off_by_one");
    static KernelCatalog catalog;
    static List<KernelSource> kernels;
    static Map<String, KernelProver.Proof> proofs;
    static Optional<GpuDevice> gpu;

    @BeforeAll
    static void proveAll() throws Exception {
        catalog = KernelCatalog.find();
        kernels = new ArrayList<>(catalog.shipped());
        kernels.add(KernelSource.load(WRONG));
        try (LeanPool pool = Lean.pool().workers(1).timeout(Duration.ofMinutes(5)).open()) {
            proofs = new KernelProver(pool, Duration.ofMinutes(5)).prove(catalog.language(), kernels);
        }
        // opened once for the class; empty where the driver sees no device, and the reports then say why
        gpu = GpuDevice.openIfPresent();
    }

    @AfterAll
    static void closeGpu() {
        gpu.ifPresent(GpuDevice::close);
    }

    @Test
    void sixShippedKernelsAreProved() throws Exception {
        List<String> names = catalog.shippedNames();
        assertEquals(List.of("block_sum", "matmul", "relu", "row_sum", "saxpy", "vec_add"), names);
        for (String n : names) {
            KernelProver.Proof p = proofs.get(n);
            assertTrue(p.accepted(), n + ": " + p.reasons() + " " + p.messages());
            assertNotNull(p.ir(), n);
        }
        assertNotNull(proofs.get("block_sum").baselineIr(), "block_sum's claim has a baseline, proved against the same spec");
    }

    @Test
    void baselineAgreesWithItsKernelOnEveryCase(@TempDir Path out) throws Exception {
        KernelSource k = catalog.resolve("block_sum");
        ClaimReport r = verifier(out).verify(k, proofs.get(k.name()));
        assertFalse(r.failed(), String.join("\n", r.lines()));
        List<String> lines = r.lines();
        assertTrue(lines.contains("✓ Lean accepts Verified Proofline.Kernels.BlockSum.baseline pre spec (the baseline S is measured against)"),
                String.join("\n", lines));
        String header = lines.stream().filter(l -> l.startsWith("shape ") && l.endsWith(" baseline")).findFirst().orElseThrow();
        List<String> rows = lines.subList(lines.indexOf(header) + 1, lines.indexOf("## timing") - 1);
        assertEquals(3 * 7, rows.size(), String.join("\n", rows)); // 3 shapes × (f32: 4 value classes, i32: 3)
        rows.forEach(row -> assertTrue(row.endsWith("✓"), row));
    }

    @Test
    void baselineWithOtherArraysIsRefused(@TempDir Path out) throws Exception {
        KernelSource saxpy = catalog.resolve("saxpy");
        KernelSource claimed = new KernelSource(saxpy.name(), saxpy.lean(), saxpy.namespace(), saxpy.block(), saxpy.shapes(), true);
        KernelProver.Proof p = proofs.get("saxpy");
        KernelProver.Proof withVecAdd = new KernelProver.Proof(p.accepted(), p.reasons(), p.messages(), p.ir(), proofs.get("vec_add").ir());
        ClaimReport r = verifier(out).verify(claimed, withVecAdd);
        assertTrue(r.failed());
        assertTrue(r.lines().contains("✗ the baseline takes (n) a[n], b[n] → c[n], the kernel (n; a) x[n], y[n] → out[n]: "
                + "they cannot run the same workloads"), String.join("\n", r.lines()));
    }

    @Test
    void offByOneIsRejectedByLean() {
        KernelProver.Proof p = proofs.get("vec_add_off_by_one");
        assertFalse(p.accepted());
        // Lean itself refuses the proof (not a timeout, a missing claim or an axiom)
        assertTrue(p.reasons().stream().anyMatch(r -> r.matches("Lean reports [1-9]\\d* error\\(s\\)")), p.reasons().toString());
        assertNotNull(p.ir(), "the IR is still printed, so the interpreter can show what goes wrong");
    }

    @Test
    void offByOneIsCaughtByTheInterpreter(@TempDir Path out) throws Exception {
        KernelSource k = KernelSource.load(WRONG);
        ClaimReport r = verifier(out).verify(k, proofs.get(k.name()));
        assertTrue(r.failed());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("✗ thread (block 0, thread 1) reads a[1], past its 1 elements")),
                String.join("\n", r.lines()));
    }

    @Test
    void shippedKernelsPassTheWholeChain(@TempDir Path out) throws Exception {
        for (KernelSource k : catalog.shipped()) {
            ClaimReport r = verifier(out).verify(k, proofs.get(k.name()));
            assertFalse(r.failed(), String.join("\n", r.lines()));
            List<String> lines = r.lines();
            String timing = lines.get(lines.indexOf("## timing") + 1);
            if (gpu.isEmpty()) {
                assertTrue(timing.startsWith("no GPU: skipped execution ("), timing);
            } else {
                assertTrue(timing.startsWith("CUDA events around one launch per sample"), timing);
            }
        }
    }

    static KernelVerifier verifier(Path out) {
        return new KernelVerifier(out, Nvcc.find(), gpu, GpuTiming.Plan.DEFAULT.withBudget(Duration.ofMillis(300)));
    }
}
