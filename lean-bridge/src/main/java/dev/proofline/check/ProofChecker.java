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
 * Decides whether a candidate proves its problem; TRUST.md says exactly what {@code accepted} means.
 * Two requests per candidate: the submission is first only parsed and judged by the {@link CommandPolicy},
 * so a forbidden command never runs; then it is elaborated after the problem's preamble (the REPL's
 * prelude, elaborated once per session), with the problem's statement elaborated alone as the reference
 * its theorem's type must equal, and the theorem given to the kernel once more. Positions in messages
 * are the submission's own.
 */
public final class ProofChecker {
    public static final Set<String> STANDARD_AXIOMS = Set.of("propext", "Classical.choice", "Quot.sound");

    private final LeanPool pool;
    private final Set<String> allowedAxioms;
    private final CommandPolicy policy = new CommandPolicy();

    public ProofChecker(LeanPool pool, Set<String> allowedAxioms) {
        this.pool = pool;
        this.allowedAxioms = Set.copyOf(allowedAxioms);
    }

    public Verdict check(Problem problem, Candidate candidate, String candidateId) {
        String submission = candidate.submission(problem);
        LeanResult parsed = send(problem, LeanRequest.parse(submission).after(problem.preamble()));
        if (!parsed.isOk()) {
            return failure(problem, candidateId, parsed, parsed.elapsedMs());
        }
        List<String> forbidden = policy.violations(parsed.syntax());
        if (!forbidden.isEmpty()) {
            return new Verdict(problem.id(), candidateId, Verdict.Kind.rejected, forbidden, List.of(), List.of(),
                    parsed.elapsedMs());
        }
        LeanRequest request = LeanRequest.of(submission).after(problem.preamble()).axiomsOf(problem.theoremName())
                .comparedTo(problem.statement().strip() + " := sorry").replayed();
        LeanResult result = send(problem, request);
        long ms = parsed.elapsedMs() + result.elapsedMs();
        if (!result.isOk()) {
            return failure(problem, candidateId, result, ms);
        }
        if (!result.preludeErrors().isEmpty()) {
            return badProblem(problem, candidateId, "the preamble", result.preludeErrors(), ms);
        }
        if (!result.referenceErrors().isEmpty()) {
            return badProblem(problem, candidateId, "the statement", result.referenceErrors(), ms);
        }
        return judge(problem, candidateId, result, ms);
    }

    /** One retry on a fresh session after a crash: a crash may be the process's fault, not the candidate's. */
    private LeanResult send(Problem problem, LeanRequest request) {
        LeanResult result = pool.send(problem.header(), request, pool.requestTimeout());
        return result.status() == LeanResult.Status.CRASHED
                ? pool.send(problem.header(), request, pool.requestTimeout())
                : result;
    }

    private static Verdict badProblem(Problem problem, String candidateId, String what, List<LeanMessage> errors, long ms) {
        return new Verdict(problem.id(), candidateId, Verdict.Kind.invalid,
                List.of("bad-problem: " + what + " does not elaborate: " + firstLine(errors.get(0))), errors, List.of(), ms);
    }

    /** No reply to judge: a timeout, a crash (after the retry), or a request the REPL refused. */
    private static Verdict failure(Problem problem, String candidateId, LeanResult r, long ms) {
        Verdict.Kind kind = switch (r.status()) {
            case TIMEOUT -> Verdict.Kind.timeout;
            case CRASHED -> Verdict.Kind.crashed;
            default -> Verdict.Kind.invalid;
        };
        String reason = kind == Verdict.Kind.invalid ? "refused" : kind.name();
        return new Verdict(problem.id(), candidateId, kind, List.of(reason + ": " + r.detail()), List.of(), List.of(), ms);
    }

    private Verdict judge(Problem problem, String candidateId, LeanResult r, long ms) {
        // the parse before elaboration saw no forbidden command; this is the syntax Lean really elaborated
        List<String> reasons = new ArrayList<>(policy.violations(r.syntax()));
        List<LeanMessage> errors = r.errors();
        if (!errors.isEmpty()) {
            reasons.add("lean-error: " + firstLine(errors.get(0)));
        }
        String name = problem.theoremName();
        Declaration d = r.declaration(name).orElse(null);
        List<String> axioms = d == null ? List.of() : d.axioms();
        if (d == null || !d.found()) {
            reasons.add("theorem-missing: " + name + " is not in the environment");
        } else if (!"theorem".equals(d.kind())) {
            reasons.add("not-a-theorem: " + name + " is a " + d.kind());
        } else {
            if (Boolean.FALSE.equals(d.sameType())) {
                reasons.add("statement-changed: the type of " + name + " is not the problem's statement");
            }
            if (d.replay() != null && !"ok".equals(d.replay()) && !d.replay().startsWith("skipped")) {
                reasons.add("kernel: " + d.replay());
            }
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
        return new Verdict(problem.id(), candidateId, kind, reasons, r.messages(), axioms, ms);
    }

    private static String firstLine(LeanMessage m) {
        String data = m.data().strip();
        int nl = data.indexOf('\n');
        return m.pos() + " " + (nl < 0 ? data : data.substring(0, nl));
    }
}
