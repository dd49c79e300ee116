package dev.proofline.kernel;

import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import dev.proofline.lean.LeanSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks kernels' proofs with Lean: the language is elaborated once and kept; each kernel file is then
 * elaborated on top of it followed by the claim Proofline states itself,
 * {@code theorem proofline_claim : Verified NS.kernel NS.pre NS.spec := NS.correct}, and the IR is
 * printed from that same {@code NS.kernel}, so the IR that is run is the term that was proved.
 */
public final class KernelProver {
    static final String CLAIM = "proofline_claim";
    private static final String IR_MARK = "PROOFLINE-IR ";
    private static final Set<String> STANDARD_AXIOMS = Set.of("propext", "Classical.choice", "Quot.sound");

    /** Lean's verdict on one kernel, its messages, and the IR JSON (null when Lean could not print it). */
    public record Proof(boolean accepted, List<String> reasons, List<LeanMessage> messages, String ir) {}

    private final LeanPool pool;
    private final Duration timeout;

    public KernelProver(LeanPool pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    public Map<String, Proof> prove(Path language, List<KernelSource> kernels) throws IOException {
        String lib = Files.readString(language);
        Map<String, String> sources = new LinkedHashMap<>();
        for (KernelSource k : kernels) {
            sources.put(k.name(), Files.readString(k.lean()));
        }
        return pool.withSession(List.of("Init"), s -> conversation(s, lib, kernels, sources));
    }

    private Map<String, Proof> conversation(LeanSession s, String lib, List<KernelSource> kernels, Map<String, String> sources) {
        Map<String, Proof> out = new LinkedHashMap<>();
        LeanResult base = s.send(LeanRequest.of(lib).keeping(), timeout);
        if (!base.isOk() || base.hasErrors() || base.env() == null) {
            String why = "the kernel language itself failed: " + (base.isOk() ? base.errors() : base.detail());
            kernels.forEach(k -> out.put(k.name(), new Proof(false, List.of(why), base.messages(), null)));
            return out;
        }
        for (KernelSource k : kernels) {
            String ns = "_root_." + k.namespace();
            String cmd = sources.get(k.name()) + "\n\ntheorem " + CLAIM + " : _root_.Proofline.Kernel.Verified " + ns
                    + ".kernel " + ns + ".pre " + ns + ".spec := " + ns + ".correct\n"
                    + "#eval IO.println (\"" + IR_MARK + "\" ++ _root_.Proofline.Kernel.Kernel.json " + ns + ".kernel)\n";
            out.put(k.name(), judge(s.send(LeanRequest.of(cmd).inEnv(base.env()).axiomsOf(CLAIM), timeout)));
        }
        return out;
    }

    private static Proof judge(LeanResult r) {
        List<String> reasons = new ArrayList<>();
        String ir = null;
        if (!r.isOk()) {
            reasons.add("Lean " + r.status().name().toLowerCase() + ": " + r.detail());
            return new Proof(false, reasons, r.messages(), null);
        }
        for (LeanMessage m : r.messages()) {
            if (m.data().startsWith(IR_MARK)) {
                ir = m.data().substring(IR_MARK.length()).strip();
            }
        }
        if (r.hasErrors()) {
            reasons.add("Lean reports " + r.errors().size() + " error(s)");
        }
        if (!r.sorries().isEmpty()) {
            reasons.add("uses sorry");
        }
        r.declaration(CLAIM).ifPresent(d -> d.axioms().stream().filter(a -> !STANDARD_AXIOMS.contains(a))
                .forEach(a -> reasons.add("rests on axiom " + a)));
        if (r.declaration(CLAIM).map(d -> !d.found()).orElse(true)) {
            reasons.add("the claim Verified kernel pre spec was not proved");
        }
        List<LeanMessage> shown = r.messages().stream().filter(m -> !m.data().startsWith(IR_MARK)).toList();
        return new Proof(reasons.isEmpty(), reasons, shown, ir);
    }
}
