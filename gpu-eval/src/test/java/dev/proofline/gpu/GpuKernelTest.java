package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a real device; skipped, with the driver's reason, where there is none. */
class GpuKernelTest {
    static GpuDevice gpu;
    static Nvcc nvcc;
    static Optional<String> skip;

    @BeforeAll
    static void open() {
        skip = CudaDriver.unavailable().or(() -> Nvcc.find().isEmpty()
                ? Optional.of("no nvcc: nothing to load on the GPU") : Optional.empty());
        if (skip.isEmpty()) {
            nvcc = Nvcc.find().orElseThrow();
            gpu = GpuDevice.open();
        }
    }

    @BeforeEach
    void needsAGpu() {
        // per test, so the report counts each as skipped with the reason
        assumeTrue(skip.isEmpty(), () -> skip.get());
    }

    @AfterAll
    static void close() {
        if (gpu != null) {
            gpu.close();
        }
    }

    static GpuKernel load(KernelIr ir, ElemType t, Path dir) throws Exception {
        Path src = dir.resolve(CudaEmitter.functionName(ir, t) + ".cu");
        Files.writeString(src, CudaEmitter.emit(ir, t));
        Nvcc.Compiled c = nvcc.compile(src);
        assertTrue(c.ok(), c.messages());
        return gpu.load(ir, t, c.ptx());
    }

    @Test
    void saxpyMatchesTheInterpreterOnEveryValueClass(@TempDir Path dir) throws Exception {
        KernelIr ir = KernelIr.parse(KernelIrTest.SAXPY);
        for (ElemType t : ElemType.values()) {
            try (GpuKernel k = load(ir, t, dir)) {
                OutputCheck check = new OutputCheck(t, Tolerance.FP32);
                for (ValueClass v : ValueClass.values()) {
                    if (v.appliesTo(t)) {
                        Workload w = Workload.of(ir, t, Map.of("n", 1000L), v, 256, 3);
                        Interpreter.Result want = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
                        assertEquals(List.of(), check.next(k.run(w), want.outputs()), t + " " + v);
                    }
                }
            }
        }
    }

    @Test
    void poisonShowsWhatAKernelLeftUnwritten(@TempDir Path dir) throws Exception {
        KernelIr half = KernelIr.parse(KernelIrTest.vecAdd("[\"div\",[\"size\",\"n\"],[\"lit\",2]]"));
        try (GpuKernel k = load(half, ElemType.I32, dir)) {
            Workload w = Workload.of(half, ElemType.I32, Map.of("n", 1000L), ValueClass.RANDOM, 256, 3);
            Map<String, int[]> want = Map.of("c", new int[1000]);
            List<String> p = new OutputCheck(ElemType.I32, Tolerance.FP32).next(k.run(w), want);
            assertTrue(p.get(0).startsWith("output c: 500 of 1000 elements still hold the poison"), p.toString());
        }
    }

    @Test
    void timingConvergesOrSpendsItsBudgetAndTheTimedLaunchesAreCorrect(@TempDir Path dir) throws Exception {
        KernelIr ir = KernelIr.parse(KernelIrTest.VEC_ADD);
        try (GpuKernel k = load(ir, ElemType.F32, dir)) {
            Workload w = Workload.of(ir, ElemType.F32, Map.of("n", 1L << 22), ValueClass.RANDOM, 256, 3);
            Interpreter.Result want = new Interpreter(ir, ElemType.F32).run(w.launch(), w.inputs(), w.params());
            GpuTiming.Result r = GpuTiming.measure(k, w, Cost.of(ir, w.launch(), want.operations()), GpuTiming.Plan.DEFAULT);
            assertTrue(r.summary().samples() >= 1 && r.summary().medianMs() > 0, r.toString());
            assertTrue(r.bytesPerS() > 0 && r.bytesPerS() <= 1.05 * gpu.info().peakBytesPerS(),
                    "achieved " + r.bytesPerS() + " B/s, peak " + gpu.info().peakBytesPerS());
            assertTrue(r.solFraction() > 0 && r.solFraction() <= 1.05, "SOL fraction " + r.solFraction());
            assertEquals(List.of(), new OutputCheck(ElemType.F32, Tolerance.FP32).next(r.outputs(), want.outputs()));
            assertFalse(r.flushBytes() < 2 * gpu.info().l2Bytes());
        }
    }
}
