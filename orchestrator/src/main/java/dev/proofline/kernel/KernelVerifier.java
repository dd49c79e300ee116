package dev.proofline.kernel;

import dev.proofline.gpu.Cost;
import dev.proofline.gpu.CudaDriver;
import dev.proofline.gpu.CudaEmitter;
import dev.proofline.gpu.ElemType;
import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuKernel;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Interpreter;
import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.Launch;
import dev.proofline.gpu.Nvcc;
import dev.proofline.gpu.OutputCheck;
import dev.proofline.gpu.PtxCheck;
import dev.proofline.gpu.Tolerance;
import dev.proofline.gpu.ValueClass;
import dev.proofline.gpu.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The chain after the proof: parse the IR Lean printed, emit CUDA per element type and compile it,
 * run every shape and value class on the CPU interpreter (bounds, races, coverage), and on a GPU when
 * there is one compare against the interpreter (poisoned outputs, cached-result check) and time the
 * largest shape.
 */
public final class KernelVerifier {
    private static final long SEED = 42;

    private final Path outDir;
    private final Optional<Nvcc> nvcc;
    private final Optional<GpuDevice> gpu;
    private final String noGpu;
    private final GpuTiming.Plan timing;

    /** Without {@code gpu}, the report says why: {@link CudaDriver#unavailable()}'s reason. */
    public KernelVerifier(Path outDir, Optional<Nvcc> nvcc, Optional<GpuDevice> gpu, GpuTiming.Plan timing) {
        this.outDir = outDir;
        this.nvcc = nvcc;
        this.gpu = gpu;
        this.noGpu = gpu.isPresent() ? null
                : CudaDriver.unavailable().orElse("no GPU: skipped execution (no device was opened)");
        this.timing = timing;
    }

    public ClaimReport verify(KernelSource k, KernelProver.Proof proof) throws IOException {
        ClaimReport r = new ClaimReport(k.name());
        r.section("proof (" + k.lean() + ")");
        if (proof.accepted()) {
            r.line("✓ Lean accepts Verified " + k.namespace() + ".kernel pre spec (race-free, meets spec)");
        } else {
            r.fail("✗ " + String.join("; ", proof.reasons()));
        }
        proof.messages().forEach(m -> r.line("  " + m));
        if (proof.ir() == null) {
            r.fail("✗ no IR: Lean could not print the kernel");
            return r;
        }
        KernelIr ir;
        try {
            ir = KernelIr.parse(proof.ir());
        } catch (IllegalArgumentException e) {
            r.fail("✗ IR rejected: " + e.getMessage());
            return r;
        }
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(k.name() + ".ir.json"), proof.ir() + "\n");

        r.section("device");
        r.line(gpu.map(g -> g.info().describe()).orElse(noGpu));

        Map<ElemType, GpuKernel> loaded = new EnumMap<>(ElemType.class);
        try {
            r.section("CUDA");
            for (ElemType t : ElemType.values()) {
                compile(r, ir, t).flatMap(ptx -> load(r, ir, t, ptx)).ifPresent(g -> loaded.put(t, g));
            }
            r.section("correctness (CPU interpreter: bounds, races, every output written; GPU vs interpreter)");
            r.line(String.format("%-28s %-4s %-9s %-8s %s", "shape", "type", "values", "cpu", "gpu"));
            for (Map<String, Long> shape : k.shapes()) {
                for (ElemType t : ElemType.values()) {
                    OutputCheck check = new OutputCheck(t, Tolerance.FP32);
                    for (ValueClass v : ValueClass.values()) {
                        if (v.appliesTo(t)) {
                            correctness(r, ir, k, shape, t, v, Optional.ofNullable(loaded.get(t)), check);
                        }
                    }
                }
            }
            r.section("timing");
            if (gpu.isEmpty()) {
                r.line(noGpu);
            } else if (loaded.isEmpty()) {
                r.line("nothing to time: no PTX was loaded");
            } else {
                timing(r, ir, k, loaded);
            }
        } finally {
            loaded.values().forEach(GpuKernel::close);
        }
        return r;
    }

    /** Emits and compiles the CUDA for {@code t}; the PTX when nvcc made one that passes {@link PtxCheck}. */
    private Optional<Path> compile(ClaimReport r, KernelIr ir, ElemType t) throws IOException {
        Path cu = outDir.resolve(CudaEmitter.functionName(ir, t) + ".cu");
        Files.writeString(cu, CudaEmitter.emit(ir, t));
        if (nvcc.isEmpty()) {
            r.line(cu + "  (nvcc not found: compile skipped)");
            return Optional.empty();
        }
        Nvcc.Compiled c = nvcc.get().compile(cu);
        if (!c.ok()) {
            r.fail(cu + "  ✗ nvcc failed: " + c.messages().strip());
            return Optional.empty();
        }
        List<String> problems = PtxCheck.problems(Files.readString(c.ptx()), CudaEmitter.functionName(ir, t));
        if (!problems.isEmpty()) {
            r.fail(cu + " → " + c.ptx().getFileName() + "  ✗ " + String.join("; ", problems));
            return Optional.empty();
        }
        r.line(cu + " → " + c.ptx().getFileName() + "  ✓ " + nvcc.get().version() + ", " + String.join(" ", Nvcc.FLAGS)
                + "; one entry, no calls");
        return Optional.of(c.ptx());
    }

    private Optional<GpuKernel> load(ClaimReport r, KernelIr ir, ElemType t, Path ptx) {
        if (gpu.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(gpu.get().load(ir, t, ptx));
        } catch (IOException | RuntimeException e) { // CudaException: the driver refused the PTX
            r.fail(ptx + "  ✗ not loaded on the GPU: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void correctness(ClaimReport r, KernelIr ir, KernelSource k, Map<String, Long> shape, ElemType t, ValueClass v,
                             Optional<GpuKernel> onGpu, OutputCheck check) {
        String row = String.format("%-28s %-4s %-9s ", new TreeMap<>(shape), t.suffix(), v.name().toLowerCase());
        Workload w;
        Interpreter.Result res;
        try {
            w = Workload.of(ir, t, shape, v, k.block(), SEED);
            res = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
        } catch (IllegalArgumentException e) {
            r.fail(row + "✗ " + e.getMessage());
            return;
        }
        if (!res.ok()) {
            r.fail(row + "✗ " + firstOf(res.problems()));
            return;
        }
        if (onGpu.isEmpty()) {
            r.line(row + String.format("%-8s %s", "✓", gpu.isEmpty() ? "skipped" : "no PTX"));
            return;
        }
        List<String> problems;
        try {
            problems = check.next(onGpu.get().run(w), res.outputs());
        } catch (RuntimeException e) {
            problems = List.of("CUDA: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            r.line(row + String.format("%-8s %s", "✓", "✓"));
        } else {
            r.fail(row + String.format("%-8s ✗ %s", "✓", firstOf(problems)));
        }
    }

    /** Times the largest shape (by bytes moved) on random values, per element type. */
    private void timing(ClaimReport r, KernelIr ir, KernelSource k, Map<ElemType, GpuKernel> loaded) {
        Map<String, Long> shape = k.shapes().stream().max(Comparator.comparingLong(
                s -> Cost.of(ir, Launch.covering(ir, k.block(), s), 0).bytes())).orElseThrow();
        long flush = GpuTiming.flushBytes(loaded.values().iterator().next().device().info());
        r.line(String.format("CUDA events around one launch per sample on a harness-owned stream; %d warm-ups; before each "
                        + "sample outputs poisoned and %.0f MiB written to flush L2 (2 × L2); samples until noise ≤ %.1f %% "
                        + "or %d ms. Bytes: inputs read + outputs written once; FLOPs: the interpreter's add/mul/max count. "
                        + "SOL = max(bytes / peak BW, FLOPs / peak FP32). No baseline kernel is named, so no S score.",
                timing.warmups(), flush / 1048576.0, 100 * timing.maxNoise(), timing.budget().toMillis()));
        r.line(String.format("%-28s %-4s %-14s %10s %9s %10s %-18s %-20s %9s %s", "shape", "type", "samples", "median µs",
                "IQR µs", "min µs", "GB/s (% peak)", "GFLOP/s (% peak)", "SOL µs", "SOL/median"));
        for (Map.Entry<ElemType, GpuKernel> e : loaded.entrySet()) {
            ElemType t = e.getKey();
            String row = String.format("%-28s %-4s ", new TreeMap<>(shape), t.suffix());
            try {
                Workload w = Workload.of(ir, t, shape, ValueClass.RANDOM, k.block(), SEED);
                Interpreter.Result want = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
                GpuTiming.Result m = GpuTiming.measure(e.getValue(), w, Cost.of(ir, w.launch(), want.operations()), timing);
                List<String> problems = new OutputCheck(t, Tolerance.FP32).next(m.outputs(), want.outputs());
                double peakBw = m.device().peakBytesPerS();
                double peakFlops = m.device().peakFlopsPerS();
                String line = row + String.format("%-14s %10.2f %9.2f %10.2f %-18s %-20s %9.2f %.3f",
                        m.summary().samples() + (m.converged() ? " ✓" : " (budget)"), 1e3 * m.summary().medianMs(),
                        1e3 * m.summary().iqrMs(), 1e3 * m.summary().minMs(),
                        String.format("%.0f (%.1f %%)", m.bytesPerS() / 1e9, 100 * m.bytesPerS() / peakBw),
                        String.format("%.1f (%.2f %%)", m.flopsPerS() / 1e9, 100 * m.flopsPerS() / peakFlops),
                        1e3 * m.solMs(), m.solFraction());
                if (problems.isEmpty()) {
                    r.line(line);
                } else {
                    r.fail(line + "  ✗ timed launches: " + firstOf(problems));
                }
            } catch (RuntimeException ex) {
                r.fail(row + "✗ CUDA: " + ex.getMessage());
            }
        }
    }

    private static String firstOf(List<String> problems) {
        return problems.get(0) + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
    }
}
