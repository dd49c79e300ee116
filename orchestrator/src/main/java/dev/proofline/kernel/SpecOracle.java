package dev.proofline.kernel;

import dev.proofline.gpu.ElemType;
import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.Workload;
import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task's {@code spec} itself, evaluated by Lean on a workload's inputs ({@code F32}: IEEE binary32, {@code I32}:
 * wrapping 32-bit integers, as {@code Kernel.lean} defines them): what the interpreter's and the GPU's outputs are
 * compared with, so that a wrong interpreter or emitter cannot agree with itself. Lean's evaluator is slow, so only
 * workloads of at most {@link #MAX_ELEMENTS} input and output elements are evaluated.
 */
public final class SpecOracle {
    static final long MAX_ELEMENTS = 4096;
    private static final String K = "_root_.Proofline.Kernel.";

    private final Optional<LeanPool> pool;
    private final String preamble;
    private final String taskNamespace;
    private final Map<String, Map<String, int[]>> answers;

    /** Without a pool (a machine without Lean), only {@code known} answers are given. */
    SpecOracle(Optional<LeanPool> pool, String preamble, KernelTask task, Map<String, Map<String, int[]>> known) {
        this.pool = pool;
        this.preamble = preamble;
        this.taskNamespace = task.namespace();
        this.answers = new LinkedHashMap<>(known);
    }

    /** The answers saved on a machine with Lean, for one without. */
    public static SpecOracle saved(KernelTask task, Map<String, Map<String, int[]>> known) {
        return new SpecOracle(Optional.empty(), "", task, known);
    }

    /** Every answer given so far, by workload, to be saved. */
    public Map<String, Map<String, int[]>> answers() {
        return Map.copyOf(answers);
    }

    /** The workload, whole: the kernel, type, launch, parameters and inputs, hashed. */
    static String key(KernelIr ir, ElemType type, Workload w) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            // sorted: a Map.copyOf's order differs from one JVM to the next, and the key must not
            d.update((ir.name() + "|" + type + "|Launch[grid=" + w.launch().grid() + ", block=" + w.launch().block() + ", sizes="
                    + new java.util.TreeMap<>(w.launch().sizes()) + "]|" + new java.util.TreeMap<>(w.params())).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4);
            for (Map.Entry<String, int[]> in : new java.util.TreeMap<>(w.inputs()).entrySet()) {
                d.update(in.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (int v : in.getValue()) {
                    d.update(b.putInt(0, v).array());
                }
            }
            return java.util.HexFormat.of().formatHex(d.digest()).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean small(KernelIr ir, Workload w) {
        long n = 0;
        for (KernelIr.Array a : ir.inputs()) {
            n += w.launch().length(a);
        }
        for (KernelIr.Array a : ir.outputs()) {
            n += w.launch().length(a);
        }
        return n <= MAX_ELEMENTS;
    }

    /** Each output of {@code ir} as {@code spec} gives it for {@code w}, or why Lean could not say. */
    Result outputs(KernelIr ir, ElemType type, Workload w) {
        String key = key(ir, type, w);
        if (answers.containsKey(key)) {
            return new Result(Optional.of(answers.get(key)), null);
        }
        if (pool.isEmpty()) {
            return Result.failed("no Lean on this machine and no saved answer for this workload");
        }
        Result r = evaluate(ir, type, w, pool.get());
        r.outputs().ifPresent(o -> answers.put(key, o));
        return r;
    }

    private Result evaluate(KernelIr ir, ElemType type, Workload w, LeanPool pool) {
        String scalar = K + (type == ElemType.F32 ? "F32" : "I32");
        StringBuilder src = new StringBuilder();
        for (String a : w.inputs().keySet()) {
            src.append("def proofline_in_").append(a).append(" : List Nat := ").append(K).append("hexWords \"")
                    .append(hex(w.inputs().get(a))).append("\".toList\n");
        }
        src.append("def proofline_launch : ").append(K).append("Launch ").append(scalar).append(" := ⟨")
                .append(w.launch().grid()).append(", ").append(w.launch().block()).append(", ")
                .append(KernelJudge.sizes(w.launch().sizes())).append(", fun p => ");
        w.params().forEach((p, v) -> src.append("if p = \"").append(p).append("\" then ⟨").append(Integer.toUnsignedString(v))
                .append("⟩ else "));
        src.append("⟨0⟩, fun a i => ");
        for (String a : w.inputs().keySet()) {
            src.append("if a = \"").append(a).append("\" then ⟨").append(K).append("nth proofline_in_").append(a).append(" i⟩ else ");
        }
        src.append("⟨0⟩⟩\n");
        src.append("def proofline_out : ").append(K).append("Mem ").append(scalar).append(" := _root_.").append(taskNamespace)
                .append(".spec proofline_launch (fun _ _ => ⟨0⟩)\n");
        for (KernelIr.Array o : ir.outputs()) {
            src.append("#eval IO.println (").append(K).append("dumpFrom ").append(scalar).append(".bits proofline_out \"")
                    .append(o.name()).append("\" 0 ").append(w.launch().length(o)).append(")\n");
        }
        LeanResult r = pool.send(List.of("Init"), LeanRequest.of(src.toString()).after(preamble), pool.requestTimeout());
        if (!r.isOk()) {
            return Result.failed("Lean " + r.status().name().toLowerCase() + ": " + r.detail());
        }
        if (r.hasErrors()) {
            return Result.failed("Lean cannot evaluate spec: " + r.errors().get(0).data().strip());
        }
        List<LeanMessage> printed = r.messages().stream().filter(m -> "info".equals(m.severity())).toList();
        if (printed.size() != ir.outputs().size()) {
            return Result.failed("Lean printed " + printed.size() + " outputs, the kernel has " + ir.outputs().size());
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i < printed.size(); i++) {
            String text = printed.get(i).data().strip();
            String[] words = text.isEmpty() ? new String[0] : text.substring(1).split(",");
            int[] values = new int[words.length];
            for (int j = 0; j < words.length; j++) {
                values[j] = (int) Long.parseLong(words[j]);
            }
            out.put(ir.outputs().get(i).name(), values);
        }
        return new Result(Optional.of(out), null);
    }

    record Result(Optional<Map<String, int[]>> outputs, String problem) {
        static Result failed(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    private static String hex(int[] words) {
        StringBuilder b = new StringBuilder(words.length * 8);
        for (int w : words) {
            b.append(String.format("%08x", w));
        }
        return b.toString();
    }
}
