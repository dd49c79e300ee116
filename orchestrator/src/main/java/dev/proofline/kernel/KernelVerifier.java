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
import dev.proofline.gpu.TimingStats;
import dev.proofline.gpu.Tolerance;
import dev.proofline.gpu.ValueClass;
import dev.proofline.gpu.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The chain after the judge: the IR whose proof was accepted is emitted as CUDA per element type and compiled,
 * every shape Lean admitted (pre) runs on the CPU interpreter (bounds, races, coverage) and, where small enough,
 * against the task's spec evaluated by Lean; on a GPU, against both, with poisoned outputs and the cached-result
 * check, and the largest admitted shape is timed. A task's baseline goes through the same chain and is timed beside
 * the kernel for the S score.
 *
 * <p>A claim of {@code VerifiedReassoc} (a kernel that reassociates sums) is proved for integer-like scalars only: its
 * report says so, int32 outputs are still compared exactly, and f32 outputs of the kernel and its baseline, which
 * then differ in their last bits, are compared within {@link #REASSOCIATED}, as against the spec, instead of bit for bit.
 */
public final class KernelVerifier {
    private static final long SEED = 42;
    /** What a reassociating claim's report says of what is proved. */
    static final String REASSOC_NOTE = "proved for integer-like scalars (int32 exact); floats checked by tolerance, not proved";
    /**
     * How f32 outputs of a reassociating kernel are compared with its baseline's: the spec comparison's bounds
     * (atol = rtol = 1e-4), not scaled by the number of terms. For block_sum's blocks of 256 this leaves a wide margin:
     * over 20,000 blocks of each, the tree's sum differs from the left-to-right one by at most 8.8 % of the bound on
     * values in [-1, 1] (2.1e-5) and 0.9 % on values in [-100, -1e-3].
     */
    static final Tolerance REASSOCIATED = Tolerance.FP32;

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

    /**
     * The report on {@code claim} (a candidate for {@code task}, judged) and, where the task has one, its baseline
     * candidate's claim, timed beside it for the S score.
     */
    public ClaimReport verify(KernelTask task, KernelJudge.Claim claim, Optional<KernelJudge.Claim> baselineClaim,
                              SpecOracle oracle) throws IOException {
        ClaimReport r = new ClaimReport(task.name() + " ← " + claim.candidate());
        r.section("proof (" + task.lean().getFileName() + " of " + task.name() + ", candidate " + claim.candidate()
                + ", through check's judge)");
        judged(r, task, claim, "kernel");
        baselineClaim.ifPresent(b -> judged(r, task, b, "baseline " + b.candidate()));
        if (claim.ir() == null) {
            return r;
        }
        KernelIr ir = claim.ir();
        Optional<KernelIr> baseline = baselineClaim.flatMap(b -> Optional.ofNullable(b.ir()))
                .filter(b -> sameSignature(r, ir, b));
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(ir.name() + ".ir.json"), claim.irJson() + "\n");
        if (baseline.isPresent()) {
            Files.writeString(outDir.resolve(baseline.get().name() + ".ir.json"), baselineClaim.get().irJson() + "\n");
        }

        r.section("shapes (pre of the task, decided by Lean for each launch)");
        claim.admitted().forEach(s -> r.line("✓ " + new TreeMap<>(s) + " (grid " + Launch.covering(ir, task.block(), s).grid()
                + ", block " + task.block() + ")"));
        claim.refused().forEach(s -> r.line("✗ not run: " + s));

        r.section("device");
        r.line(gpu.map(g -> g.info().describe()).orElse(noGpu));

        Map<ElemType, GpuKernel> loaded = new EnumMap<>(ElemType.class);
        Map<ElemType, GpuKernel> loadedBaseline = new EnumMap<>(ElemType.class);
        try {
            r.section("CUDA");
            for (ElemType t : task.types()) {
                compileAndLoad(r, ir, t).ifPresent(g -> loaded.put(t, g));
                baseline.ifPresent(b -> compileAndLoad(r, b, t).ifPresent(g -> loadedBaseline.put(t, g)));
            }
            boolean reassociates = claim.kind().reassociates() || baseline.isPresent() && baselineClaim.get().kind().reassociates();
            r.section("correctness (CPU interpreter: bounds, races, every output written; the interpreter against spec "
                    + "evaluated by Lean up to " + SpecOracle.MAX_ELEMENTS + " elements; GPU against both"
                    + (baseline.isPresent() ? reassociates
                        ? "; the baseline's interpreter outputs equal the kernel's, int32 exactly and f32 within atol = rtol = "
                            + REASSOCIATED.atol() + " since one of them reassociates sums)"
                        : "; the baseline's interpreter outputs equal the kernel's bit for bit, any NaN equal to any NaN)" : ")"));
            if (reassociates && task.types().contains(ElemType.F32)) {
                r.line("f32: reassociated sums, so the outputs are compared within tolerance, not proved: "
                        + (claim.kind().reassociates() ? "the kernel" : "the baseline") + " claims " + KernelCandidate.Claim.VERIFIED_REASSOC.lean());
            }
            r.line(String.format("%-28s %-4s %-9s %-8s %-8s %-8s %s", "shape", "type", "values", "cpu", "spec", "gpu",
                    baseline.isPresent() ? "baseline" : "").stripTrailing());
            for (Map<String, Long> shape : claim.admitted()) {
                boolean baselineRuns = baselineClaim.map(b -> b.admitted().contains(shape)).orElse(false);
                for (ElemType t : task.types()) {
                    OutputCheck check = new OutputCheck(t, Tolerance.FP32);
                    for (ValueClass v : ValueClass.values()) {
                        if (v.appliesTo(t)) {
                            correctness(r, ir, baseline.filter(b -> baselineRuns), reassociates, task, shape, t, v,
                                    Optional.ofNullable(loaded.get(t)), check, oracle);
                        }
                    }
                }
            }
            r.section("timing");
            if (gpu.isEmpty()) {
                r.line(noGpu);
            } else if (loaded.isEmpty()) {
                r.line("nothing to time: no PTX was loaded");
            } else if (claim.admitted().isEmpty()) {
                r.line("nothing to time: pre admits no shape");
            } else {
                timing(r, ir, baseline.filter(b -> baselineClaim.get().admitted().containsAll(claim.admitted())), task,
                        claim.admitted(), loaded, loadedBaseline);
            }
        } finally {
            loaded.values().forEach(GpuKernel::close);
            loadedBaseline.values().forEach(GpuKernel::close);
        }
        return r;
    }

    private static void judged(ClaimReport r, KernelTask task, KernelJudge.Claim c, String what) {
        if (c.accepted()) {
            r.line("✓ accepted: " + what + " ⊢ " + c.kind().lean() + " <its IR> " + task.namespace() + ".pre " + task.namespace()
                    + ".spec (policy, replay in a clean process, statement, axioms " + c.axioms() + ")");
            if (c.kind().reassociates()) {
                r.line("  " + what + " reassociates sums: " + REASSOC_NOTE);
            }
        } else {
            r.fail("✗ " + what + " not accepted: " + String.join("; ", c.reasons()));
        }
        c.messages().stream().filter(m -> "error".equals(m.severity())).limit(3).forEach(m -> r.line("  " + m));
    }

    /** Whether the baseline takes the same sizes, parameters and arrays as the kernel, so both run the same workloads. */
    private static boolean sameSignature(ClaimReport r, KernelIr ir, KernelIr b) {
        if (b.signature().equals(ir.signature())) {
            return true;
        }
        r.fail("✗ the baseline takes " + b.signature() + ", the kernel " + ir.signature() + ": they cannot run the same workloads");
        return false;
    }

    /** The kernel loaded on the GPU for {@code t}, when nvcc, {@link PtxCheck} and the driver all accept it. */
    private Optional<GpuKernel> compileAndLoad(ClaimReport r, KernelIr ir, ElemType t) {
        try {
            return compile(r, ir, t).flatMap(ptx -> load(r, ir, t, ptx));
        } catch (IOException e) {
            r.fail("✗ " + ir.name() + " (" + t.suffix() + "): " + e.getMessage());
            return Optional.empty();
        }
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

    private void correctness(ClaimReport r, KernelIr ir, Optional<KernelIr> baseline, boolean reassociates, KernelTask task,
                             Map<String, Long> shape,
                             ElemType t, ValueClass v, Optional<GpuKernel> onGpu, OutputCheck check, SpecOracle oracle) {
        String row = String.format("%-28s %-4s %-9s ", new TreeMap<>(shape), t.suffix(), v.name().toLowerCase());
        Workload w;
        Interpreter.Result res;
        try {
            w = Workload.of(ir, t, shape, v, task.block(), SEED);
            res = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
        } catch (IllegalArgumentException e) {
            r.fail(row + "✗ " + e.getMessage());
            return;
        }
        if (!res.ok()) {
            r.fail(row + "✗ " + firstOf(res.problems()));
            return;
        }
        List<String> problems = new ArrayList<>();
        Optional<Map<String, int[]>> spec = Optional.empty();
        String bySpec = "—";
        if (SpecOracle.small(ir, w)) {
            SpecOracle.Result want = oracle.outputs(ir, t, w);
            if (want.outputs().isEmpty()) {
                problems.add("spec: " + want.problem());
                bySpec = "✗";
            } else {
                spec = want.outputs();
                List<String> p = agrees("the interpreter", t, res.outputs(), spec.get());
                problems.addAll(p);
                bySpec = p.isEmpty() ? "✓" : "✗";
            }
        }
        Optional<Map<String, int[]>> specOutputs = spec;
        String onDevice = onGpu.map(g -> gpuAgrees(g, t, w, res, specOutputs, check, problems)).orElse(gpu.isEmpty() ? "skipped" : "no PTX");
        String base = baseline.map(b -> baselineAgrees(b, t, w, res, reassociates, problems)).orElse("");
        String line = row + String.format("%-8s %-8s %-8s %s", "✓", bySpec, onDevice, base).stripTrailing();
        if (problems.isEmpty()) {
            r.line(line);
        } else {
            r.fail(line + "  " + firstOf(problems));
        }
    }

    /** Where {@code got} differs from what {@code spec} gives beyond the FP32 tolerance (ints exactly). */
    private static List<String> agrees(String who, ElemType t, Map<String, int[]> got, Map<String, int[]> spec) {
        List<String> p = new ArrayList<>();
        spec.forEach((name, want) -> {
            int[] g = got.get(name);
            int i = g == null || g.length != want.length ? 0 : Tolerance.FP32.firstMismatch(t, g, want);
            if (g == null || g.length != want.length) {
                p.add(who + ": " + name + " has " + (g == null ? 0 : g.length) + " elements, spec " + want.length);
            } else if (i >= 0) {
                p.add(who + ": " + name + "[" + i + "] = " + t.show(g[i]) + ", spec says " + t.show(want[i]));
            }
        });
        return p;
    }

    private static String gpuAgrees(GpuKernel g, ElemType t, Workload w, Interpreter.Result want, Optional<Map<String, int[]>> spec,
                                    OutputCheck check, List<String> problems) {
        List<String> p = new ArrayList<>();
        try {
            Map<String, int[]> got = g.run(w);
            p.addAll(check.next(got, want.outputs()));
            spec.ifPresent(s -> p.addAll(agrees("the GPU", t, got, s)));
        } catch (RuntimeException e) {
            p.add("CUDA: " + e.getMessage());
        }
        problems.addAll(p);
        return p.isEmpty() ? "✓" : "✗";
    }

    /**
     * Lean proved both kernels compute {@code spec} operation for operation over every scalar type, so the
     * interpreter must give the baseline's outputs bit for bit equal to the kernel's
     * (NaNs aside: IEEE 754 leaves their sign and payload open). Where one of them {@code reassociates}, that holds
     * for integer-like scalars only: int32 still exactly, f32 within {@link #REASSOCIATED}.
     */
    private static String baselineAgrees(KernelIr b, ElemType t, Workload kernelWorkload, Interpreter.Result want,
                                         boolean reassociates, List<String> problems) {
        List<String> p = new ArrayList<>();
        try {
            Workload w = kernelWorkload.launchedFor(b);
            Interpreter.Result got = new Interpreter(b, t).run(w.launch(), w.inputs(), w.params());
            got.problems().forEach(q -> p.add("baseline: " + q));
            if (got.ok()) {
                want.outputs().forEach((name, o) -> {
                    int[] g = got.outputs().get(name);
                    int i = reassociates ? REASSOCIATED.firstMismatch(t, g, o) : t.firstDifference(g, o);
                    if (g.length != o.length) {
                        p.add("baseline " + name + " has " + g.length + " elements, the kernel's " + o.length);
                    } else if (i >= 0) {
                        p.add("baseline " + name + "[" + i + "] = " + t.show(g[i]) + ", the kernel's " + t.show(o[i]));
                    }
                });
            }
        } catch (IllegalArgumentException e) {
            p.add("baseline: " + e.getMessage());
        }
        problems.addAll(p);
        return p.isEmpty() ? "✓" : "✗";
    }

    /** Times the largest shape (by bytes moved) on random values, per element type, and the baseline beside it. */
    private void timing(ClaimReport r, KernelIr ir, Optional<KernelIr> baseline, KernelTask k, List<Map<String, Long>> admitted,
                        Map<ElemType, GpuKernel> loaded, Map<ElemType, GpuKernel> loadedBaseline) {
        Map<String, Long> shape = admitted.stream().max(Comparator.comparingLong(
                s -> Cost.of(ir, Launch.covering(ir, k.block(), s), 0).bytes())).orElseThrow();
        long flush = GpuTiming.flushBytes(loaded.values().iterator().next().device().info());
        r.line(String.format("CUDA events around one launch per sample on a harness-owned stream; %d warm-ups; before each "
                        + "sample outputs poisoned and %.0f MiB written to flush L2 (2 × L2); samples until noise ≤ %.1f %% "
                        + "or %d ms. Bytes: inputs read + outputs written once; FLOPs: the interpreter's add/mul/max count. "
                        + "SOL = max(bytes / peak BW, FLOPs / peak FP32). %s",
                timing.warmups(), flush / 1048576.0, 100 * timing.maxNoise(), timing.budget().toMillis(),
                baseline.isPresent() ? "S = 1 / (1 + (T_k − T_SOL) / (T_b − T_SOL)), T_b the baseline's median (SOL-ExecBench)."
                        : "The claim has no baseline kernel, so no S score."));
        r.line(String.format("%-28s %-4s %-14s %10s %9s %10s %-18s %-20s %9s %-10s %s", "shape", "type", "samples", "median µs",
                "IQR µs", "min µs", "GB/s (% peak)", "GFLOP/s (% peak)", "SOL µs", "SOL/median",
                baseline.isPresent() ? "baseline µs   S" : "").stripTrailing());
        for (Map.Entry<ElemType, GpuKernel> e : loaded.entrySet()) {
            ElemType t = e.getKey();
            String row = String.format("%-28s %-4s ", new TreeMap<>(shape), t.suffix());
            try {
                Workload w = Workload.of(ir, t, shape, ValueClass.RANDOM, k.block(), SEED);
                Interpreter.Result want = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
                Cost cost = Cost.of(ir, w.launch(), want.operations());
                GpuTiming.Result m = GpuTiming.measure(e.getValue(), w, cost, timing);
                List<String> problems = new ArrayList<>(new OutputCheck(t, Tolerance.FP32).next(m.outputs(), want.outputs()));
                double peakBw = m.device().peakBytesPerS();
                double peakFlops = m.device().peakFlopsPerS();
                String line = row + String.format("%-14s %10.2f %9.2f %10.2f %-18s %-20s %9.2f %-10.3f",
                        m.summary().samples() + (m.converged() ? " ✓" : " (budget)"), 1e3 * m.summary().medianMs(),
                        1e3 * m.summary().iqrMs(), 1e3 * m.summary().minMs(),
                        String.format("%.0f (%.1f %%)", m.bytesPerS() / 1e9, 100 * m.bytesPerS() / peakBw),
                        String.format("%.1f (%.2f %%)", m.flopsPerS() / 1e9, 100 * m.flopsPerS() / peakFlops),
                        1e3 * m.solMs(), m.solFraction());
                if (baseline.isPresent() && loadedBaseline.containsKey(t)) {
                    GpuTiming.Result mb = GpuTiming.measure(loadedBaseline.get(t), w.launchedFor(baseline.get()), cost, timing);
                    new OutputCheck(t, Tolerance.FP32).next(mb.outputs(), want.outputs()).forEach(p -> problems.add("baseline: " + p));
                    line += String.format(" %11.2f   %.3f", 1e3 * mb.summary().medianMs(),
                            TimingStats.solScore(m.summary().medianMs(), mb.summary().medianMs(), m.solMs()));
                }
                if (problems.isEmpty()) {
                    r.line(line.stripTrailing());
                } else {
                    r.fail(line.stripTrailing() + "  ✗ timed launches: " + firstOf(problems));
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
