package dev.proofline.check;

import dev.proofline.lean.Declaration;
import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a candidate proves its problem; TRUST.md says exactly what {@code accepted} means.
 * Three requests per candidate:
 * <ol>
 *   <li>the submission is only parsed, after the problem's preamble, and judged by the {@link CommandPolicy}
 *       — a refused submission is never elaborated;</li>
 *   <li>an elaborating session elaborates it after the preamble (the REPL's prelude, elaborated once per
 *       session), with the problem's statement elaborated alone as the reference that names the theorem, and
 *       exports the theorem and everything of the submission it rests on as data;</li>
 *   <li>a judge session — which has only ever elaborated problems' headers, preambles and statements —
 *       rebuilds those declarations from the data, gives them to its kernel in dependency order, compares the
 *       theorem's type with the statement it elaborated itself, and collects the axioms.</li>
 * </ol>
 * Positions in messages are the submission's own.
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
        LeanResult parsed = send(problem, LeanRequest.parse(submission));
        if (!parsed.isOk()) {
            return failure(problem, candidateId, parsed, parsed.elapsedMs());
        }
        List<String> forbidden = policy.violations(parsed.syntax());
        if (!forbidden.isEmpty()) {
            return new Verdict(problem.id(), candidateId, Verdict.Kind.rejected, forbidden, List.of(), List.of(),
                    parsed.elapsedMs());
        }
        LeanResult elaborated = send(problem, LeanRequest.of(submission).exported());
        long ms = parsed.elapsedMs() + elaborated.elapsedMs();
        if (!elaborated.isOk()) {
            return failure(problem, candidateId, elaborated, ms);
        }
        Verdict bad = badProblem(problem, candidateId, elaborated, ms);
        if (bad != null) {
            return bad;
        }
        LeanResult judged = send(problem, LeanRequest.judge(elaborated.export()));
        ms += judged.elapsedMs();
        if (!judged.isOk()) {
            return failure(problem, candidateId, judged, ms);
        }
        return judge(problem, candidateId, elaborated, judged, ms);
    }

    /**
     * {@code request} on the problem's header, after its preamble, with its options and its statement as the
     * reference; one retry on a fresh session after a crash, which may be the process's fault, not the
     * candidate's.
     */
    private LeanResult send(Problem problem, LeanRequest request) {
        LeanRequest r = request.after(problem.preamble()).withOptions(problem.options())
                .comparedTo(problem.statement().strip() + " := sorry");
        LeanResult result = pool.send(problem.header(), r, pool.requestTimeout());
        return result.status() == LeanResult.Status.CRASHED ? pool.send(problem.header(), r, pool.requestTimeout()) : result;
    }

    /** The problem's own fault, if any: a preamble or statement that does not elaborate, or no theorem. */
    private static Verdict badProblem(Problem problem, String candidateId, LeanResult r, long ms) {
        String reason = null;
        List<LeanMessage> errors = List.of();
        if (!r.preludeErrors().isEmpty()) {
            errors = r.preludeErrors();
            reason = "the preamble does not elaborate: " + firstLine(errors.get(0));
        } else if (!r.referenceErrors().isEmpty()) {
            errors = r.referenceErrors();
            reason = "the statement does not elaborate: " + firstLine(errors.get(0));
        } else if (r.targets().isEmpty()) {
            reason = "the statement declares no theorem";
        }
        return reason == null ? null : new Verdict(problem.id(), candidateId, Verdict.Kind.invalid,
                List.of("bad-problem: " + reason), errors, List.of(), ms);
    }

    /** No reply to judge: a timeout, a crash (after the retry), a request the REPL refused, or a header that does not import. */
    private static Verdict failure(Problem problem, String candidateId, LeanResult r, long ms) {
        if (r.status() == LeanResult.Status.UNIMPORTABLE) {
            String error = r.detail().strip();
            return new Verdict(problem.id(), candidateId, Verdict.Kind.invalid, List.of("bad-problem: the header does not import: "
                    + (error.contains("\n") ? error.substring(0, error.indexOf('\n')) : error)), List.of(), List.of(), ms);
        }
        Verdict.Kind kind = switch (r.status()) {
            case TIMEOUT -> Verdict.Kind.timeout;
            case CRASHED -> Verdict.Kind.crashed;
            default -> Verdict.Kind.invalid;
        };
        String reason = kind == Verdict.Kind.invalid ? "refused" : kind.name();
        return new Verdict(problem.id(), candidateId, kind, List.of(reason + ": " + r.detail()), List.of(), List.of(), ms);
    }

    private Verdict judge(Problem problem, String candidateId, LeanResult elaborated, LeanResult judged, long ms) {
        // the parse before elaboration saw nothing forbidden; this is the syntax Lean really elaborated
        Findings f = findings(allowedAxioms, policy.violations(elaborated.syntax()), elaborated, judged.declarations(),
                judged.exportError(), !elaborated.sorries().isEmpty(), true);
        Verdict.Kind kind = f.reasons().isEmpty() ? Verdict.Kind.accepted : Verdict.Kind.rejected;
        return new Verdict(problem.id(), candidateId, kind, f.reasons(), elaborated.messages(), f.axioms(), ms);
    }

    /** Why a proof falls short (nothing: it is accepted), and the axioms it rests on, each named once. */
    public record Findings(List<String> reasons, List<String> axioms) {
        public boolean accepted() {
            return reasons.isEmpty();
        }
    }

    /**
     * The judgement of one theorem an interactive session declared ({@code verify} of the REPL), by the same
     * rules as {@link #check} but for the statement, which is the theorem's own: the policy's
     * {@code violations} over every command the theorem's environment was built from, the errors of the
     * command that declared it ({@code elaborated}, which exported it), and its replay in a judge session.
     */
    public static Findings judgeDeclared(Set<String> allowedAxioms, List<String> violations, LeanResult elaborated,
            Declaration judged, String exportError) {
        return findings(allowedAxioms, violations, elaborated, List.of(judged), exportError, false, false);
    }

    /**
     * {@code sorryInText}: the source has a {@code sorry}; {@code againstStatement}: each declaration was compared
     * with a reference statement.
     */
    private static Findings findings(Set<String> allowedAxioms, List<String> violations, LeanResult elaborated, List<Declaration> judged,
            String judgeExportError, boolean sorryInText, boolean againstStatement) {
        List<String> reasons = new ArrayList<>(violations);
        List<LeanMessage> errors = elaborated.errors();
        if (!errors.isEmpty()) {
            reasons.add("lean-error: " + firstLine(errors.get(0)));
        }
        String exportError = elaborated.export() != null && elaborated.export().has("error")
                ? elaborated.export().get("error").asText() : judgeExportError;
        if (exportError != null) {
            reasons.add("kernel: the declarations could not be exported and rebuilt: " + exportError);
        }
        Set<String> axioms = new LinkedHashSet<>();
        for (Declaration d : judged) {
            String name = d.name();
            axioms.addAll(d.axioms());
            if (!d.found()) {
                reasons.add("theorem-missing: " + name + " is not declared by the submission");
            } else if (!"theorem".equals(d.kind())) {
                reasons.add("not-a-theorem: " + name + " is a " + d.kind());
            } else {
                if (againstStatement && !Boolean.TRUE.equals(d.sameType())) {
                    reasons.add("statement-changed: the type of " + name + " is not the problem's statement");
                }
                if (!"ok".equals(d.replay())) {
                    reasons.add("kernel: " + d.replay());
                }
            }
        }
        // after an error Lean fills the gap with sorryAx itself: count sorry only where the text has one or
        // where nothing else explains it
        if (sorryInText || (errors.isEmpty() && axioms.contains("sorryAx"))) {
            reasons.add("sorry: the proof uses sorry");
        }
        List<String> extra = axioms.stream().filter(a -> !allowedAxioms.contains(a) && !a.equals("sorryAx")).toList();
        if (!extra.isEmpty()) {
            reasons.add("axioms: uses " + String.join(", ", extra) + " outside the allow-list");
        }
        return new Findings(reasons, List.copyOf(axioms));
    }

    private static String firstLine(LeanMessage m) {
        String data = m.data().strip();
        int nl = data.indexOf('\n');
        return m.pos() + " " + (nl < 0 ? data : data.substring(0, nl));
    }
}
