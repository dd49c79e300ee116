package dev.proofline.kernel;

import dev.proofline.gpu.CudaEmitter;
import dev.proofline.gpu.ElemType;
import dev.proofline.gpu.Interpreter;
import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.Nvcc;
import dev.proofline.gpu.ValueClass;
import dev.proofline.gpu.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The chain after the proof: parse the IR Lean printed, emit CUDA per element type and compile it,
 * run every shape and value class on the CPU interpreter (bounds, races, coverage), and on a GPU when
 * there is one compare against the interpreter and time it.
 */
public final class KernelVerifier {
    private final Path outDir;
    private final Optional<Nvcc> nvcc;
    private final Optional<String> noGpu;

    public KernelVerifier(Path outDir, Optional<Nvcc> nvcc, Optional<String> noGpu) {
        this.outDir = outDir;
        this.nvcc = nvcc;
        this.noGpu = noGpu;
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

        r.section("CUDA");
        for (ElemType t : ElemType.values()) {
            Path cu = outDir.resolve(CudaEmitter.functionName(ir, t) + ".cu");
            Files.writeString(cu, CudaEmitter.emit(ir, t));
            if (nvcc.isEmpty()) {
                r.line(cu + "  (nvcc not found: compile skipped)");
                continue;
            }
            Nvcc.Compiled c = nvcc.get().compile(cu);
            if (c.ok()) {
                r.line(cu + " → " + c.ptx().getFileName() + "  ✓ " + nvcc.get().version() + ", " + String.join(" ", Nvcc.FLAGS));
            } else {
                r.fail(cu + "  ✗ nvcc failed: " + c.messages().strip());
            }
        }

        r.section("correctness (CPU interpreter: bounds, races, every output written; GPU vs interpreter)");
        r.line(String.format("%-28s %-4s %-9s %-8s %s", "shape", "type", "values", "cpu", "gpu"));
        for (Map<String, Long> shape : k.shapes()) {
            for (ElemType t : ElemType.values()) {
                for (ValueClass v : ValueClass.values()) {
                    if (!v.appliesTo(t)) {
                        continue;
                    }
                    correctness(r, ir, k, shape, t, v);
                }
            }
        }
        r.section("timing");
        r.line(noGpu.orElse("GPU timing is not wired into verify yet"));
        return r;
    }

    private void correctness(ClaimReport r, KernelIr ir, KernelSource k, Map<String, Long> shape, ElemType t, ValueClass v) {
        String row = String.format("%-28s %-4s %-9s ", new java.util.TreeMap<>(shape), t.suffix(), v.name().toLowerCase());
        Interpreter.Result res;
        try {
            Workload w = Workload.of(ir, t, shape, v, k.block(), 42);
            res = new Interpreter(ir, t).run(w.launch(), w.inputs(), w.params());
        } catch (IllegalArgumentException e) {
            r.fail(row + "✗ " + e.getMessage());
            return;
        }
        String gpu = noGpu.isPresent() ? "skipped" : "not run";
        if (res.ok()) {
            r.line(row + String.format("%-8s %s", "✓", gpu));
        } else {
            r.fail(row + "✗ " + res.problems().get(0) + (res.problems().size() > 1
                    ? " (+" + (res.problems().size() - 1) + " more)" : ""));
        }
    }
}
