package dev.proofline.kernel;

import dev.proofline.check.ProofChecker;
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

/**
 * Checks kernels' proofs with Lean: the language is elaborated once and kept; each kernel file is then
 * elaborated on top of it followed by the claim Proofline states itself,
 * {@code theorem proofline_claim : Verified NS.kernel NS.pre NS.spec := NS.correct}, and the IR is
 * printed from that same {@code NS.kernel}, so the IR that is run is the term that was proved. A claim with a
 * baseline gets the same treatment for {@code NS.baseline}, against the same {@code pre} and {@code spec}.
 */
public final class KernelProver {
    static final String CLAIM = "proofline_claim";
    static final String BASELINE_CLAIM = "proofline_baseline_claim";
    private static final String IR_MARK = "PROOFLINE-IR ";
    private static final String BASELINE_IR_MARK = "PROOFLINE-BASELINE-IR ";

    /**
     * Lean's verdict on one kernel (and its baseline, if the claim has one), its messages, and the IR JSON of
     * each (null when Lean could not print it or there is no baseline).
     */
    public record Proof(boolean accepted, List<String> reasons, List<LeanMessage> messages, String ir, String baselineIr) {}

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
            kernels.forEach(k -> out.put(k.name(), new Proof(false, List.of(why), base.messages(), null, null)));
            return out;
        }
        for (KernelSource k : kernels) {
            String ns = "_root_." + k.namespace();
            String cmd = sources.get(k.name()) + "\n\n" + claim(CLAIM, ns, "kernel", "correct", IR_MARK)
                    + (k.baseline() ? claim(BASELINE_CLAIM, ns, "baseline", "baseline_correct", BASELINE_IR_MARK) : "");
            LeanRequest request = LeanRequest.of(cmd).inEnv(base.env());
            request = k.baseline() ? request.axiomsOf(CLAIM, BASELINE_CLAIM) : request.axiomsOf(CLAIM);
            out.put(k.name(), judge(s.send(request, timeout), k.baseline()));
        }
        return out;
    }

    /** The claim Proofline states itself about {@code ns.kernel}, and the command that prints its IR. */
    private static String claim(String theorem, String ns, String kernel, String proof, String irMark) {
        return "theorem " + theorem + " : _root_.Proofline.Kernel.Verified " + ns + "." + kernel + " " + ns + ".pre "
                + ns + ".spec := " + ns + "." + proof + "\n"
                + "#eval IO.println (\"" + irMark + "\" ++ _root_.Proofline.Kernel.Kernel.json " + ns + "." + kernel + ")\n";
    }

    private static Proof judge(LeanResult r, boolean withBaseline) {
        List<String> reasons = new ArrayList<>();
        if (!r.isOk()) {
            reasons.add("Lean " + r.status().name().toLowerCase() + ": " + r.detail());
            return new Proof(false, reasons, r.messages(), null, null);
        }
        if (r.hasErrors()) {
            reasons.add("Lean reports " + r.errors().size() + " error(s)");
        }
        if (!r.sorries().isEmpty()) {
            reasons.add("uses sorry");
        }
        checkClaim(r, CLAIM, "kernel", reasons);
        if (withBaseline) {
            checkClaim(r, BASELINE_CLAIM, "baseline", reasons);
        }
        List<LeanMessage> shown = r.messages().stream()
                .filter(m -> !m.data().startsWith(IR_MARK) && !m.data().startsWith(BASELINE_IR_MARK)).toList();
        return new Proof(reasons.isEmpty(), reasons, shown, printed(r, IR_MARK), withBaseline ? printed(r, BASELINE_IR_MARK) : null);
    }

    private static void checkClaim(LeanResult r, String theorem, String kernel, List<String> reasons) {
        r.declaration(theorem).ifPresent(d -> d.axioms().stream().filter(a -> !ProofChecker.STANDARD_AXIOMS.contains(a))
                .forEach(a -> reasons.add("Verified " + kernel + " pre spec rests on axiom " + a)));
        if (r.declaration(theorem).map(d -> !d.found()).orElse(true)) {
            reasons.add("the claim Verified " + kernel + " pre spec was not proved");
        }
    }

    private static String printed(LeanResult r, String irMark) {
        String ir = null;
        for (LeanMessage m : r.messages()) {
            if (m.data().startsWith(irMark)) {
                ir = m.data().substring(irMark.length()).strip();
            }
        }
        return ir;
    }
}
