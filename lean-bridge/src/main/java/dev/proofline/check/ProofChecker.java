package dev.proofline.check;

import dev.proofline.lean.Declaration;
import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a candidate proves its problem. Accepted means: Lean elaborated the problem's own
 * statement with the candidate's proof without an error, the theorem is in the environment as a
 * theorem, it uses no {@code sorry}, and it rests on no axiom outside the allow-list.
 */
public final class ProofChecker {
    public static final Set<String> STANDARD_AXIOMS = Set.of("propext", "Classical.choice", "Quot.sound");

    private final LeanPool pool;
    private final Set<String> allowedAxioms;

    public ProofChecker(LeanPool pool, Set<String> allowedAxioms) {
        this.pool = pool;
        this.allowedAxioms = Set.copyOf(allowedAxioms);
    }

    public Verdict check(Problem problem, Candidate candidate, String candidateId) {
        if (candidate.code() != null) {
            return Verdict.invalid(problem.id(), candidateId,
                    "unsupported: \"code\" candidates are not checked yet; give the proof as \"proof\"");
        }
        String preamble = problem.preamble().isEmpty() ? "" : problem.preamble().strip() + "\n\n";
        String source = preamble + problem.statement().strip() + " :=\n" + candidate.proof();
        LeanRequest request = LeanRequest.of(source).axiomsOf(problem.theoremName());
        LeanResult result = pool.send(problem.header(), request, pool.requestTimeout());
        if (result.status() == LeanResult.Status.CRASHED) {
            // one retry on a fresh session: a crash may be the process's fault, not the candidate's
            result = pool.send(problem.header(), request, pool.requestTimeout());
        }
        return judge(problem, candidateId, result);
    }

    private Verdict judge(Problem problem, String candidateId, LeanResult r) {
        switch (r.status()) {
            case TIMEOUT:
                return new Verdict(problem.id(), candidateId, Verdict.Kind.timeout, List.of("timeout: " + r.detail()),
                        List.of(), List.of(), r.elapsedMs());
            case CRASHED:
                return new Verdict(problem.id(), candidateId, Verdict.Kind.crashed, List.of("crashed: " + r.detail()),
                        List.of(), List.of(), r.elapsedMs());
            case REFUSED:
                return new Verdict(problem.id(), candidateId, Verdict.Kind.invalid, List.of("refused: " + r.detail()),
                        List.of(), List.of(), r.elapsedMs());
            default:
                break;
        }
        List<String> reasons = new ArrayList<>();
        List<LeanMessage> errors = r.errors();
        if (!errors.isEmpty()) {
            reasons.add("lean-error: " + firstLine(errors.get(0)));
        }
        Declaration d = r.declaration(problem.theoremName()).orElse(null);
        List<String> axioms = d == null ? List.of() : d.axioms();
        if (d == null || !d.found()) {
            reasons.add("theorem-missing: " + problem.theoremName() + " is not in the environment");
        } else if (!"theorem".equals(d.kind())) {
            reasons.add("not-a-theorem: " + problem.theoremName() + " is a " + d.kind());
        }
        // after an error Lean fills the gap with sorryAx itself: count sorry only where the text has one or
        // where nothing else explains it
        if (!r.sorries().isEmpty() || (errors.isEmpty() && axioms.contains("sorryAx"))) {
            reasons.add("sorry: the proof uses sorry");
        }
        List<String> extra = axioms.stream().filter(a -> !allowedAxioms.contains(a) && !a.equals("sorryAx")).toList();
        if (!extra.isEmpty()) {
            reasons.add("axioms: uses " + String.join(", ", extra) + " outside the allow-list");
        }
        Verdict.Kind kind = reasons.isEmpty() ? Verdict.Kind.accepted : Verdict.Kind.rejected;
        return new Verdict(problem.id(), candidateId, kind, reasons, r.messages(), axioms, r.elapsedMs());
    }

    private static String firstLine(LeanMessage m) {
        String data = m.data().strip();
        int nl = data.indexOf('\n');
        return m.pos() + " " + (nl < 0 ? data : data.substring(0, nl));
    }
}
