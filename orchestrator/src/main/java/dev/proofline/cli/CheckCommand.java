package dev.proofline.cli;

import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ChallengeCheck;
import dev.proofline.batch.Jsonl;
import dev.proofline.dataset.Dataset;
import dev.proofline.dataset.ProblemRecord;
import dev.proofline.dataset.RecordReader;
import dev.proofline.batch.ProblemSet;
import dev.proofline.batch.Summary;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.spark.SparkCheck;
import dev.proofline.report.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proofline check}: verdicts for a batch of candidate proofs. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check candidate proofs against their problems with Lean; one JSON verdict per candidate.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--problems", description = "Problems: JSONL {id, header?, preamble?, statement, "
            + "informal?, tags?, options?}; a dataset directory (its problems.jsonl); or a directory of .lean files with a "
            + "'-- proofline: statement' line.")
    Path problems;

    @Option(names = "--candidates",
            description = "Candidates, JSONL: {problem, id?, proof} (the text after :=) or {problem, id?, code} (a whole "
                    + "snippet); - reads them from standard input; a dataset directory checks its reference proofs.")
    Path candidates;

    @Option(names = "--challenge", description = "Instead of --problems: a Lean file, or a folder of them, whose theorems "
            + "proved by 'sorry' are the problems (id FILE/THEOREM); the rest of each file is their context.")
    Path challenge;

    @Option(names = "--solution", description = "With --challenge: the same file (or folder, by relative path) with proofs; "
            + "each file is elaborated once and every theorem judged.")
    Path solution;

    @Option(names = "--report", description = "Also write a readable report: .md, or .html.")
    Path report;

    @Option(names = "--out", required = true,
            description = "Results, JSONL, appended as verdicts come; a rerun skips candidates already there.")
    Path out;

    @Option(names = "--allow-axiom", description = "Axioms a proof may use (default: propext, Classical.choice, Quot.sound). "
            + "Code-evaluating proofs (native_decide, Lean.ofReduceBool) are refused by the policy whatever this says.")
    List<String> allowedAxioms;

    @Option(names = "--fail-on", defaultValue = "never", converter = FailOnConverter.class, description = "Exit with code 4 when this holds: never, "
            + "invalid (some candidate is invalid) or not-accepted (some candidate is not accepted). Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--summary-json", description = "Also write the end-of-run counts as JSON: verdicts, reasons, pass@1, pass@k.")
    Path summaryJson;

    @Mixin
    LeanOptions lean;

    @Option(names = "--engine", defaultValue = "local", description = "local (this process, the default) or spark "
            + "(a Spark job: local mode with local[workers,4], or --master / spark-submit's master).")
    Engine engine;

    @Option(names = "--master", description = "With --engine spark: Spark's master URL, e.g. local[2], "
            + "spark://host:7077, yarn (default: spark-submit's, else local[workers,4], where a failed task is tried "
            + "up to 4 times).")
    String master;

    enum Engine { local, spark }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Hadoop URIs the user gave, by the local copy the run reads or writes in their place (Spark engine). */
    private final java.util.Map<Path, String> remote = new java.util.HashMap<>();

    /** When a batch whose candidates were all checked still counts as a failure, for CI pipelines. */
    enum FailOn {
        never, invalid, not_accepted;

        boolean holds(Summary s) {
            long invalid = s.verdicts().get(Verdict.Kind.invalid);
            long all = s.verdicts().values().stream().mapToLong(Long::longValue).sum();
            return switch (this) {
                case never -> false;
                case invalid -> invalid > 0;
                case not_accepted -> s.verdicts().get(Verdict.Kind.accepted) < all;
            };
        }
    }

    /** The exit codes, documented in the README. */
    static final int CHECKED = 0;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;
    static final int FAIL_ON = 4;

    @Override
    public Integer call() throws Exception {
        if ((challenge == null) != (solution == null) || (challenge == null) == (problems == null)
                || (problems == null) != (candidates == null)) {
            System.err.println("proofline check: give either --problems and --candidates, or --challenge and --solution");
            return USAGE;
        }
        if (challenge != null && engine == Engine.spark) {
            System.err.println("proofline check: --engine spark takes --problems and --candidates, not a challenge file");
            return USAGE;
        }
        String uri = firstUri();
        if (uri != null && engine == Engine.local) {
            System.err.println("proofline check: " + uri + ": the local engine takes local paths; Hadoop URIs "
                    + "(hdfs:, s3a:, file:) are for --engine spark");
            return USAGE;
        }
        Path copies = null;
        try {
            if (uri != null) {
                copies = Files.createTempDirectory("proofline-hadoop");
                String missing = fetchRemote(copies);
                if (missing != null) {
                    System.err.println("proofline check: " + missing);
                    return USAGE;
                }
            }
            return checkInputs();
        } finally {
            if (copies != null) {
                com.google.common.io.MoreFiles.deleteRecursively(copies, com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
            }
        }
    }

    private static final String[] FILE_OPTIONS = {"--problems", "--candidates", "--out", "--report", "--summary-json"};

    /** The option's value as the user typed it, where that is a URI ({@code scheme:/…}), else null. */
    private String typedUri(String option) {
        List<String> typed = spec.findOption(option).originalStringValues();
        String value = typed.isEmpty() ? null : typed.get(typed.size() - 1);
        return value != null && value.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*") ? value : null;
    }

    private String firstUri() {
        return java.util.Arrays.stream(FILE_OPTIONS).map(this::typedUri).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * Puts local copies in place of the options given as Hadoop URIs: inputs fetched into {@code copies}, outputs
     * written there and put back by {@link #publish}; the results file by {@link SparkCheck}. Returns what is
     * missing, or null.
     */
    private String fetchRemote(Path copies) throws java.io.IOException {
        for (String option : FILE_OPTIONS) {
            String uri = typedUri(option);
            if (uri == null) {
                continue;
            }
            Path local = copies.resolve(option.substring(2));
            boolean input = option.equals("--problems") || option.equals("--candidates");
            if (input && !dev.proofline.spark.HadoopFiles.exists(uri)) {
                return "no such " + option.substring(2) + " file or folder: " + uri;
            }
            if (!input && !dev.proofline.spark.HadoopFiles.parentExists(uri)) {
                return "the folder of " + uri + " does not exist";
            }
            if (input) {
                dev.proofline.spark.HadoopFiles.fetch(uri, local);
            }
            remote.put(local, uri);
            switch (option) {
                case "--problems" -> problems = local;
                case "--candidates" -> candidates = local;
                case "--out" -> out = local;
                case "--report" -> report = local;
                default -> summaryJson = local;
            }
        }
        return null;
    }

    /** Where the user named this output: its Hadoop URI, or the path. */
    private String named(Path output) {
        return remote.getOrDefault(output, output.toString());
    }

    /** An output written to its local copy goes to its Hadoop URI. */
    private void publish(Path output) throws java.io.IOException {
        if (remote.containsKey(output)) {
            dev.proofline.spark.HadoopFiles.put(output, remote.get(output));
        }
    }

    private int checkInputs() throws Exception {
        if (challenge != null) {
            return check(null);
        }
        boolean references = Files.isRegularFile(candidates.resolve(Dataset.PROBLEMS));
        if (!candidates.toString().equals("-") && !references) {
            return check(candidates);
        }
        // piped in (streamed to a file of its own for the run, so bad lines are named stdin.jsonl:N and a huge
        // line is never held in memory), or a dataset's reference proofs written out as candidates
        Path dir = Files.createTempDirectory("proofline-stdin");
        try {
            Path file = dir.resolve(references ? "references.jsonl" : "stdin.jsonl");
            if (references) {
                writeReferences(candidates.resolve(Dataset.PROBLEMS), file);
            } else {
                Files.copy(System.in, file);
            }
            return check(file);
        } finally {
            com.google.common.io.MoreFiles.deleteRecursively(dir, com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }

    /** The reference proofs of a dataset's problems, as candidates with the id {@code reference}. */
    private static void writeReferences(Path problemsFile, Path out) throws java.io.IOException {
        StringBuilder lines = new StringBuilder();
        for (ProblemRecord r : new RecordReader().read(problemsFile, problemsFile.toString(), "").records()) {
            if (r.referenceProof() != null) {
                lines.append(Jsonl.JSON.writeValueAsString(java.util.Map.of("problem", r.id(), "id", "reference",
                        "proof", r.referenceProof()))).append('\n');
            }
        }
        Files.writeString(out, lines);
    }

    /** Checks the candidates file, or with {@code null} the challenge's solution. */
    private int check(Path candidateFile) throws Exception {
        if (candidateFile != null && !Files.isRegularFile(candidateFile)) {
            System.err.println("proofline check: no such candidates file: " + candidateFile);
            return USAGE;
        }
        Path input = candidateFile != null ? problems : challenge;
        if (!Files.exists(input)) {
            System.err.println("proofline check: no such " + (candidateFile != null ? "problems" : "challenge")
                    + " file or directory: " + input);
            return USAGE;
        }
        if (candidateFile == null && !Files.exists(solution)) {
            System.err.println("proofline check: no such solution file or directory: " + solution);
            return USAGE;
        }
        // outputs are checked before Lean starts, not after the batch
        for (Path output : java.util.Arrays.asList(out, report, summaryJson)) {
            Path folder = output == null ? null : output.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                System.err.println("proofline check: the folder of " + output + " does not exist: " + folder);
                return USAGE;
            }
        }
        Set<String> axioms = allowedAxioms == null ? ProofChecker.STANDARD_AXIOMS : Set.copyOf(allowedAxioms);
        AtomicInteger accepted = new AtomicInteger();
        ProgressBar[] bar = new ProgressBar[1];
        Consumer<Integer> onTotal = total -> bar[0] = new ProgressBarBuilder().setTaskName("check")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUnit(" cand", 1)
                .showSpeed().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        Consumer<Verdict> onVerdict = v -> {
            if (v.verdict() == Verdict.Kind.accepted) {
                accepted.incrementAndGet();
            }
            bar[0].setExtraMessage(" accepted " + accepted.get());
            bar[0].step();
        };
        ProblemSet set;
        List<Verdict> verdicts;
        try {
            if (engine == Engine.spark) {
                set = ProblemSet.read(problems);
                set.rejectedLines().forEach(r -> System.err.println("skipped problem " + r));
                verdicts = onSpark(set, candidateFile, axioms, onTotal, onVerdict);
            } else {
                System.err.println("Starting Lean…");
                try (LeanPool pool = lean.open()) {
                    ProofChecker checker = new ProofChecker(pool, axioms);
                    ChallengeCheck challenges = candidateFile == null
                            ? ChallengeCheck.read(challenge, solution, checker, pool.workers()) : null;
                    set = challenges != null ? challenges.problems() : ProblemSet.read(problems);
                    set.rejectedLines().forEach(r -> System.err.println("skipped problem " + r));
                    verdicts = challenges != null ? challenges.run(out, onTotal, onVerdict)
                            : new BatchCheck(set, checker, pool.workers()).run(candidateFile, out, onTotal, onVerdict);
                }
            }
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        Summary summary = Summary.of(verdicts, set.byId().keySet());
        System.out.print(summary.render());
        System.out.println("results: " + named(out));
        if (report != null) {
            new CheckReport(summary, verdicts, set.byId()).write(report);
            publish(report);
            System.out.println("report: " + named(report));
        }
        if (summaryJson != null) {
            Files.writeString(summaryJson, summary.toJson() + "\n");
            publish(summaryJson);
            System.out.println("summary: " + named(summaryJson));
        }
        if (failOn.holds(summary)) {
            return FAIL_ON;
        }
        boolean badInput = !set.rejectedLines().isEmpty() || verdicts.stream().anyMatch(v -> v.verdict() == Verdict.Kind.invalid
                && v.reasons().stream().anyMatch(r -> r.startsWith("bad-") || r.startsWith("unknown-problem")));
        return badInput ? BAD_INPUT : CHECKED;
    }

    /**
     * The batch as a Spark job; kept apart so that Spark's classes are loaded only for this engine (its jars
     * are on the class path only then).
     */
    private List<Verdict> onSpark(ProblemSet set, Path candidateFile, Set<String> axioms, Consumer<Integer> onTotal,
            Consumer<Verdict> onVerdict) throws java.io.IOException {
        Lean.PoolBuilder pool = lean.builder();
        String where = master != null ? master : System.getProperty("spark.master") != null ? null
                : "local[" + pool.workers() + ",4]";
        System.err.println("Starting Spark (" + (where != null ? where : System.getProperty("spark.master"))
                + "); each executor starts its Lean…");
        try {
            SparkCheck.Outcome outcome = SparkCheck.run(set, candidateFile, out, remote.get(out), where, new SparkCheck.Settings(
                    lean.runtime.spec(), pool.workers(), lean.timeout, axioms), onTotal, onVerdict, null);
            if (outcome.failedTasks() > 0) {
                System.err.println("Spark retried " + outcome.failedTasks() + " failed task attempts; each candidate "
                        + "is in the results once");
            }
            return outcome.verdicts();
        } catch (NoClassDefFoundError e) {
            throw new java.io.IOException("Spark's classes are not on the class path (" + e.getMessage() + "): run it through "
                    + "./proofline, which adds orchestrator/target/spark-lib for --engine spark, or through spark-submit");
        }
    }

    /** Picocli's converter names the values as the user writes them: {@code not-accepted}. */
    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.strip().replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of never, invalid, not-accepted");
            }
        }
    }
}
