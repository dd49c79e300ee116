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
        Part whole = new Part(null, problem.id(), 1, Integer.MAX_VALUE);
        return checkParts(problem, problem.statement().strip() + " := sorry", candidate.submission(problem), candidateId,
                List.of(whole)).get(0);
    }

    /**
     * A theorem of a submission that proves several at once: its full name ({@code null}: whatever the problem's
     * statement declares, named by Lean), the problem whose verdict it gets
     * ({@code null} for a helper theorem of the submission, which gets none), and the lines of the submission
     * that declare it (1-based, inclusive). An error or {@code sorry} in those lines is that theorem's alone;
     * one outside every part's lines (in a definition, say) counts against every theorem.
     */
    public record Part(String theorem, String problemId, int firstLine, int lastLine) {
        boolean holds(int line) {
            return firstLine <= line && line <= lastLine;
        }
    }

    /**
     * Checks a submission that proves every theorem of a challenge file: {@code challenge}'s statement is the
     * challenge's source after its imports (its theorems ending in {@code sorry}, its definitions, its scopes),
     * elaborated alone as the reference; the submission is parsed, elaborated and exported once and judged once,
     * by the same rules as {@link #check}, and in addition each theorem's statement must rest only on
     * definitions the submission declares as the challenge does ({@code definition-changed}). One verdict per
     * part with a problem id, in the order of {@code parts}.
     */
    public List<Verdict> checkChallenge(Problem challenge, String submission, String candidateId, List<Part> parts) {
        return checkParts(challenge, challenge.statement(), submission, candidateId, parts);
    }

    private List<Verdict> checkParts(Problem problem, String reference, String submission, String candidateId,
            List<Part> parts) {
        List<Part> judged = parts.stream().filter(p -> p.problemId() != null).toList();
        LeanResult parsed = send(problem, reference, LeanRequest.parse(submission));
        if (!parsed.isOk()) {
            return each(judged, p -> failure(p.problemId(), candidateId, parsed, parsed.elapsedMs()));
        }
        List<String> forbidden = policy.violations(parsed.syntax());
        if (!forbidden.isEmpty()) {
            return each(judged, p -> new Verdict(p.problemId(), candidateId, Verdict.Kind.rejected, forbidden, List.of(),
                    List.of(), parsed.elapsedMs()));
        }
        LeanResult elaborated = send(problem, reference, LeanRequest.of(submission).exported());
        long elaboratedMs = parsed.elapsedMs() + elaborated.elapsedMs();
        if (!elaborated.isOk()) {
            return each(judged, p -> failure(p.problemId(), candidateId, elaborated, elaboratedMs));
        }
        if (badProblem(problem.id(), candidateId, elaborated, elaboratedMs) != null) {
            return each(judged, p -> badProblem(p.problemId(), candidateId, elaborated, elaboratedMs));
        }
        LeanResult replayed = send(problem, reference, LeanRequest.judge(elaborated.export()));
        long ms = elaboratedMs + replayed.elapsedMs();
        if (!replayed.isOk()) {
            return each(judged, p -> failure(p.problemId(), candidateId, replayed, ms));
        }
        // the parse before elaboration saw nothing forbidden; this is the syntax Lean really elaborated
        List<String> violations = policy.violations(elaborated.syntax());
        String exportError = exportError(elaborated, replayed.exportError());
        return each(judged, p -> {
            // a single problem's targets are whatever its statement declares, named by Lean
            List<Declaration> targets = p.theorem() == null ? replayed.declarations()
                    : List.of(replayed.declaration(p.theorem())
                            .orElse(new Declaration(p.theorem(), false, null, false, List.of(), null, null, List.of())));
            List<LeanMessage> messages = elaborated.messages().stream().filter(m -> owns(p, parts, m.pos())).toList();
            List<LeanMessage> errors = messages.stream().filter(LeanMessage::isError).toList();
            boolean sorry = elaborated.sorries().stream().anyMatch(at -> owns(p, parts, at));
            Findings f = findings(allowedAxioms, violations, errors, exportError, targets, sorry, true);
            Verdict.Kind kind = f.reasons().isEmpty() ? Verdict.Kind.accepted : Verdict.Kind.rejected;
            return new Verdict(p.problemId(), candidateId, kind, f.reasons(), messages, f.axioms(), ms);
        });
    }

    /** Whether what Lean said at {@code at} concerns {@code part}: it is in the part's lines, or in no part's. */
    private static boolean owns(Part part, List<Part> parts, LeanMessage.Position at) {
        int line = at == null ? 0 : at.line();
        return part.holds(line) || parts.stream().noneMatch(p -> p.holds(line));
    }

    private static List<Verdict> each(List<Part> parts, java.util.function.Function<Part, Verdict> verdict) {
        return parts.stream().map(verdict).toList();
    }

    /**
     * {@code request} on the problem's header, after its preamble, with its options and {@code reference} as the
     * reference; one retry on a fresh session after a crash, which may be the process's fault, not the
     * candidate's.
     */
    private LeanResult send(Problem problem, String reference, LeanRequest request) {
        LeanRequest r = request.after(problem.preamble()).withOptions(problem.options())
                .comparedTo(reference);
        LeanResult result = pool.send(problem.header(), r, pool.requestTimeout());
        return result.status() == LeanResult.Status.CRASHED ? pool.send(problem.header(), r, pool.requestTimeout()) : result;
    }

    /** The problem's own fault, if any: a preamble or statement that does not elaborate, or no theorem. */
    private static Verdict badProblem(String problemId, String candidateId, LeanResult r, long ms) {
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
        return reason == null ? null : new Verdict(problemId, candidateId, Verdict.Kind.invalid,
                List.of("bad-problem: " + reason), errors, List.of(), ms);
    }

    /** No reply to judge: a timeout, a crash (after the retry), a request the REPL refused, or a header that does not import. */
    private static Verdict failure(String problemId, String candidateId, LeanResult r, long ms) {
        if (r.status() == LeanResult.Status.UNIMPORTABLE) {
            String error = r.detail().strip();
            return new Verdict(problemId, candidateId, Verdict.Kind.invalid, List.of("bad-problem: the header does not import: "
                    + (error.contains("\n") ? error.substring(0, error.indexOf('\n')) : error)), List.of(), List.of(), ms);
        }
        Verdict.Kind kind = switch (r.status()) {
            case TIMEOUT -> Verdict.Kind.timeout;
            case CRASHED -> Verdict.Kind.crashed;
            default -> Verdict.Kind.invalid;
        };
        String reason = kind == Verdict.Kind.invalid ? "refused" : kind.name();
        return new Verdict(problemId, candidateId, kind, List.of(reason + ": " + r.detail()), List.of(), List.of(), ms);
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
        return findings(allowedAxioms, violations, elaborated.errors(), exportError(elaborated, exportError), List.of(judged),
                false, false);
    }

    /** Why the export could not be made (the elaborating session) or rebuilt (the judge), if it failed. */
    private static String exportError(LeanResult elaborated, String judgeExportError) {
        return elaborated.export() != null && elaborated.export().has("error")
                ? elaborated.export().get("error").asText() : judgeExportError;
    }

    /**
     * {@code sorryInText}: the source has a {@code sorry}; {@code againstStatement}: each declaration was compared
     * with a reference statement.
     */
    private static Findings findings(Set<String> allowedAxioms, List<String> violations, List<LeanMessage> errors,
            String exportError, List<Declaration> judged, boolean sorryInText, boolean againstStatement) {
        List<String> reasons = new ArrayList<>(violations);
        if (!errors.isEmpty()) {
            reasons.add("lean-error: " + firstLine(errors.get(0)));
        }
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
                if (!d.changed().isEmpty()) {
                    reasons.add("definition-changed: the statement of " + name + " rests on " + String.join(", ", d.changed())
                            + ", which the submission defines differently from the problem");
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
