package dev.proofline.batch;

import dev.proofline.check.Candidate;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a candidates file against a problem set, appending each verdict to the results file as soon as
 * it is known and skipping candidates the results file already has.
 */
public final class BatchCheck {
    /** A candidate ready to check, or already judged invalid while reading. */
    public record Job(String problem, String candidateId, Candidate candidate, Verdict invalid) {}

    private final ProblemSet problems;
    private final ProofChecker checker;
    private final int parallelism;

    public BatchCheck(ProblemSet problems, ProofChecker checker, int parallelism) {
        this.problems = problems;
        this.checker = checker;
        this.parallelism = parallelism;
    }

    /**
     * Reads the candidates; every line becomes a job, bad lines become invalid verdicts. A candidate without an
     * {@code "id"} is named by what it submits, {@code problem#} and a hash of its proof or code, with {@code -2},
     * {@code -3}, … for the second, third, … exact copy: editing other lines of the file changes no id, so a rerun
     * skips exactly the candidates the results file has. An {@code "id"} given twice for one problem is a bad
     * candidate at its second line, named by that line.
     */
    public static List<Job> jobs(Path candidates, ProblemSet problems) throws IOException {
        return jobs(Jsonl.read(candidates), problems);
    }

    /** Jobs from JSONL lines, or from any JSON records named as lines. */
    public static List<Job> jobs(List<Jsonl.Line> lines, ProblemSet problems) {
        List<Job> jobs = new ArrayList<>();
        Map<String, Integer> copies = new HashMap<>();
        for (Jsonl.Line line : lines) {
            String where = line.where();
            if (line.error() != null) {
                jobs.add(new Job("?", where, null, Verdict.invalid("?", where, "bad-line: " + where + ": " + line.error())));
                continue;
            }
            String problem = Jsonl.text(line.node(), "problem");
            String key = problem == null ? "?" : problem;
            String proof = Jsonl.text(line.node(), "proof");
            String code = Jsonl.text(line.node(), "code");
            String id = Jsonl.text(line.node(), "id");
            String base = id != null ? id : key + "#" + contentHash(proof, code);
            int copy = copies.merge(ResultLog.key(key, base), 1, Integer::sum);
            if (id != null && copy > 1) {
                jobs.add(new Job(key, where, null,
                        Verdict.invalid(key, where, "bad-candidate: the id '" + id + "' is used again (" + where + ")")));
                continue;
            }
            String candidateId = copy == 1 ? base : base + "-" + copy;
            try {
                Candidate c = new Candidate(problem, candidateId, proof, code);
                String badProblem = problems.badById().get(problem);
                if (problems.byId().containsKey(problem)) {
                    jobs.add(new Job(problem, candidateId, c, null));
                } else if (badProblem != null) {
                    jobs.add(new Job(key, candidateId, null, Verdict.invalid(key, candidateId, "bad-problem: " + badProblem)));
                } else {
                    jobs.add(new Job(key, candidateId, null,
                            Verdict.invalid(key, candidateId, "unknown-problem: '" + problem + "' (" + where + ")")));
                }
            } catch (IllegalArgumentException e) {
                jobs.add(new Job(key, candidateId, null,
                        Verdict.invalid(key, candidateId, "bad-candidate: " + e.getMessage() + " (" + where + ")")));
            }
        }
        return jobs;
    }

    /** Twelve hex digits of SHA-256 over what the candidate submits, and whether it is a proof or code. */
    private static String contentHash(String proof, String code) {
        String content = (proof == null ? "" : "proof\0" + proof) + (code == null ? "" : "code\0" + code);
        return com.google.common.hash.Hashing.sha256().hashString(content, java.nio.charset.StandardCharsets.UTF_8)
                .toString().substring(0, 12);
    }

    /**
     * {@code check} of each item from {@code threads} threads; each verdict is appended to {@code log} and added
     * to {@code verdicts} unless the log has its candidate already, and {@code onVerdict} sees every one (the
     * progress). A failure of a check, or an interruption, ends the run as an {@link IOException}.
     */
    static <T> void checkEach(List<T> items, int threads, Function<T, List<Verdict>> check, ResultLog log,
            List<Verdict> verdicts, Consumer<Verdict> onVerdict) throws IOException {
        try {
            FanOut.map(items, threads, item -> {
                for (Verdict v : check.apply(item)) {
                    if (!log.isDone(v.problem(), v.candidate())) {
                        try {
                            log.append(v);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        verdicts.add(v);
                    }
                    onVerdict.accept(v);
                }
                return item;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("checking failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs the batch; {@code onVerdict} sees each new verdict. Returns all verdicts of the results file,
     * earlier runs' included.
     */
    public List<Verdict> run(Path candidates, Path out, Consumer<Integer> onTotal, Consumer<Verdict> onVerdict)
            throws IOException {
        List<Job> all = jobs(candidates, problems);
        List<Verdict> verdicts = Collections.synchronizedList(new ArrayList<>());
        try (ResultLog log = new ResultLog(out)) {
            verdicts.addAll(log.previous());
            List<Job> todo = all.stream().filter(j -> !log.isDone(j.problem(), j.candidateId())).toList();
            onTotal.accept(todo.size());
            checkEach(todo, parallelism, job -> List.of(job.invalid() != null ? job.invalid()
                    : checker.check(problems.byId().get(job.problem()), job.candidate(), job.candidateId())),
                    log, verdicts, onVerdict);
        }
        return verdicts;
    }
}
