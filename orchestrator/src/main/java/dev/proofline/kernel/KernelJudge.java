package dev.proofline.kernel;

import dev.proofline.check.Candidate;
import dev.proofline.check.CommandPolicy;
import dev.proofline.check.Problem;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.Launch;
import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges a candidate kernel for a task with the judge {@code proofline check} uses. The task's Lean (after the
 * kernel language) is the problem's trusted preamble; the candidate's source is the untrusted submission.
 * <ol>
 *   <li>The submission is parsed and held to the {@link CommandPolicy}: a refused one is never elaborated.</li>
 *   <li>It is elaborated after the preamble and kept; a separate request Proofline writes, on that environment,
 *       reduces {@code NS.kernel} to constructors ({@code #reduce}, which runs no compiled code), read by
 *       {@link ReducedKernel}: the IR. Nothing is appended to the candidate's text for it.</li>
 *   <li>The IR, parsed and validated by Java, is written back as a Lean term ({@link KernelTerm}) into the
 *       statement {@code theorem proofline_claim : Verified <IR> T.pre T.spec} ({@code VerifiedReassoc} when the
 *       candidate declares that weaker claim and the task allows it; a candidate declaring it for a task that does
 *       not is refused before Lean), and {@link ProofChecker} judges
 *       the candidate followed by that theorem proved by {@code NS.correct}: policy again, export, replay in a clean
 *       process, comparison with the statement elaborated there, axioms. So what is accepted is a proof about the
 *       very IR Java runs, against the task's {@code pre} and {@code spec}.</li>
 *   <li>For each of the task's shapes, Lean decides {@code T.pre} of the launch Java would make for it, in the
 *       preamble's environment (the candidate's lemmas are not there to help).</li>
 * </ol>
 */
public final class KernelJudge {
    static final String CLAIM = "proofline_claim";
    /** {@code #reduce} with the printer set to write plain constructor applications, whole, for {@link ReducedKernel}. */
    private static final String REDUCE = "set_option pp.notation false in\nset_option pp.fieldNotation false in\n"
            + "set_option pp.structureInstances false in\nset_option pp.fullNames true in\nset_option pp.deepTerms true in\n"
            + "set_option pp.maxSteps 100000000 in\n#reduce ";
    private static final List<String> HEADER = List.of("Init");

    /**
     * The judgement: {@code kind} is the claim judged (the candidate's declared one); {@code judged} is false when the
     * candidate never reached the judge (a claim the task does not allow, refused by the policy, or no IR);
     * {@code reasons} say why it is not accepted; {@code axioms} are those the judge found;
     * {@code admitted} are the shapes whose launch Lean proved to satisfy {@code pre}, {@code refused} the others
     * with why.
     */
    public record Claim(String candidate, KernelCandidate.Claim kind, boolean judged, List<String> reasons, List<String> axioms, List<LeanMessage> messages,
                        KernelIr ir, String irJson, List<Map<String, Long>> admitted, List<String> refused) {
        public boolean accepted() {
            return reasons.isEmpty();
        }
    }

    private final LeanPool pool;
    private final ProofChecker checker;
    private final CommandPolicy policy = new CommandPolicy();
    private final String language;

    public KernelJudge(LeanPool pool, Path language) throws IOException {
        this.pool = pool;
        this.checker = new ProofChecker(pool, Set.copyOf(ProofChecker.STANDARD_AXIOMS));
        this.language = Files.readString(language);
    }

    /** The problem's trusted preamble: the kernel language, then the task. */
    String preamble(KernelTask task) throws IOException {
        return language + "\n\n" + Files.readString(task.lean());
    }

    /** The task's spec, evaluated by Lean after this judge's preamble; {@code known} holds answers already had. */
    public SpecOracle oracle(KernelTask task, Map<String, Map<String, int[]>> known) throws IOException {
        return new SpecOracle(Optional.of(pool), preamble(task), task, known);
    }

    public Claim judge(KernelTask task, KernelCandidate candidate) throws IOException {
        String preamble = preamble(task);
        String source = candidate.source();
        String ns = "_root_." + candidate.namespace();
        List<String> reasons = new ArrayList<>();
        KernelCandidate.Claim kind = candidate.claim();
        if (kind.reassociates() && !task.reassociation()) {
            return new Claim(candidate.name(), kind, false, List.of("claim: the candidate claims " + kind.lean() + " (a kernel "
                    + "that reassociates sums, proved for integer-like scalars only) but task " + task.name() + " does not "
                    + "allow reassociation (its task.json has no \"reassociation\": \"" + KernelTask.INT_LIKE + "\"): it must "
                    + "prove " + KernelCandidate.Claim.VERIFIED.lean()), List.of(), List.of(), null, null, List.of(), List.of());
        }
        record Elaborated(List<String> refusedByPolicy, List<LeanMessage> messages, String reduced, String irProblem) {}
        Elaborated e = pool.withSession(HEADER, s -> {
            LeanResult parsed = s.send(LeanRequest.parse(source).after(preamble), pool.requestTimeout());
            if (!parsed.isOk()) {
                return new Elaborated(List.of("Lean " + parsed.status().name().toLowerCase() + ": " + parsed.detail()), List.of(), null, null);
            }
            List<String> forbidden = policy.violations(parsed.syntax());
            if (!forbidden.isEmpty()) {
                return new Elaborated(forbidden, List.of(), null, null);
            }
            LeanResult elaborated = s.send(LeanRequest.of(source).after(preamble).keeping(), pool.requestTimeout());
            if (!elaborated.isOk() || elaborated.env() == null) {
                return new Elaborated(List.of(), elaborated.messages(), null, "Lean " + elaborated.status().name().toLowerCase()
                        + ": " + elaborated.detail());
            }
            LeanResult printed = s.send(LeanRequest.of(REDUCE + ns + ".kernel").inEnv(elaborated.env()), pool.requestTimeout());
            s.drop(List.of(elaborated.env()), List.of(), pool.requestTimeout());
            String ir = printed.isOk() && printed.errors().isEmpty() && printed.messages().size() == 1
                    ? printed.messages().get(0).data().strip() : null;
            String why = ir != null ? null : "Lean could not reduce " + candidate.namespace() + ".kernel: "
                    + (printed.isOk() ? printed.messages().stream().map(LeanMessage::data).findFirst().orElse("no output")
                    : printed.detail());
            return new Elaborated(List.of(), elaborated.messages(), ir, why);
        });
        if (!e.refusedByPolicy().isEmpty()) {
            return new Claim(candidate.name(), kind, false, e.refusedByPolicy(), List.of(), List.of(), null, null, List.of(), List.of());
        }
        if (e.reduced() == null) {
            reasons.add("no IR: " + e.irProblem());
            return new Claim(candidate.name(), kind, false, reasons, List.of(), e.messages(), null, null, List.of(), List.of());
        }
        KernelIr ir;
        String irJson;
        try {
            irJson = ReducedKernel.json(e.reduced());
            ir = KernelIr.parse(irJson);
        } catch (IllegalArgumentException ex) {
            reasons.add("IR rejected: " + ex.getMessage());
            return new Claim(candidate.name(), kind, false, reasons, List.of(), e.messages(), null, null, List.of(), List.of());
        }
        if (!ir.signature().toString().equals(task.signature())) {
            reasons.add("signature: the kernel takes " + ir.signature() + ", the task " + task.signature());
        }
        // the claim's name is the trusted preamble's, fully qualified: a definition of the candidate's own by that
        // name is another constant, and one in Proofline.Kernel would clash with the preamble's
        String statement = "theorem " + CLAIM + " : _root_.Proofline.Kernel." + kind.lean() + " " + KernelTerm.of(ir) + " _root_."
                + task.namespace() + ".pre _root_." + task.namespace() + ".spec";
        Problem problem = new Problem(task.name(), HEADER, preamble, statement, "", List.of());
        Verdict v = checker.check(problem, new Candidate(task.name(), candidate.name(), null,
                source + "\n\n" + statement + " :=\n  " + ns + ".correct\n"), candidate.name());
        reasons.addAll(v.reasons());
        if (v.verdict() != Verdict.Kind.accepted && v.reasons().isEmpty()) {
            reasons.add(v.verdict().name());
        }
        List<Map<String, Long>> admitted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        decidePre(task, ir, preamble, admitted, refused);
        if (admitted.isEmpty()) {
            reasons.add("pre: the task's pre admits none of its shapes, so nothing can be run");
        }
        return new Claim(candidate.name(), kind, true, reasons, v.axioms(), v.messages(), ir, irJson, List.copyOf(admitted),
                List.copyOf(refused));
    }

    /** Each shape whose launch Lean proves to satisfy the task's {@code pre}, by {@code decide} after unfolding it. */
    private void decidePre(KernelTask task, KernelIr ir, String preamble, List<Map<String, Long>> admitted, List<String> refused) {
        for (Map<String, Long> shape : task.shapes()) {
            Launch l;
            try {
                l = Launch.covering(ir, task.block(), shape);
            } catch (IllegalArgumentException ex) {
                refused.add(new TreeMap<>(shape) + ": " + ex.getMessage());
                continue;
            }
            String pre = "_root_." + task.namespace() + ".pre";
            String cmd = "theorem proofline_pre : @" + pre + " Unit ⟨" + l.grid() + ", " + l.block() + ", " + sizes(shape)
                    + ", fun _ => (), fun _ _ => ()⟩ := by\n  unfold " + pre + "\n  decide\n";
            LeanResult r = pool.send(HEADER, LeanRequest.of(cmd).after(preamble), pool.requestTimeout());
            if (r.isOk() && r.errors().isEmpty()) {
                admitted.add(shape);
            } else {
                refused.add(new TreeMap<>(shape) + " (grid " + l.grid() + ", block " + l.block() + "): Lean does not prove pre: "
                        + (r.isOk() ? firstLine(r.errors().get(0).data()) : r.detail()));
            }
        }
    }

    /** The shape as Lean's {@code String → Nat}: each named size, 0 for any other name. */
    static String sizes(Map<String, Long> shape) {
        StringBuilder b = new StringBuilder("fun s => ");
        new TreeMap<>(shape).forEach((k, v) -> b.append("if s = \"").append(k).append("\" then ").append(v).append(" else "));
        return b.append("0").toString();
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }
}
