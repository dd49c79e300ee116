package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.RuntimeSpec;
import dev.proofline.spark.SparkCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench spark}: whole batches (Lean's start included, as a user waits for it) through the Spark
 * engine in local mode with one and two executor cores, and through the local engine with two workers. The last
 * line is JSON.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Measure check --engine spark: local[1] against local[2], and against the local engine.")
final class BenchSparkCommand implements Callable<Integer> {
    @Option(names = "--copies", defaultValue = "4", description = "Copies of the shipped sample in the batch "
            + "(default: ${DEFAULT-VALUE}).")
    int copies;

    @Mixin
    RuntimeOptions runtimeOptions;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("proofline-bench-spark");
        Path sample = Path.of("problems", "samples", "basic");
        ProblemSet set = ProblemSet.readJsonl(sample.resolve("problems.jsonl"));
        Path candidates = dir.resolve("candidates.jsonl");
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            // copies get ids of their own (problem#hash-2, -3, …), so each is checked
            Files.readAllLines(sample.resolve("candidates.jsonl")).stream().filter(l -> l.startsWith("{")).forEach(lines::add);
        }
        Files.write(candidates, lines);
        Lean.prepare(runtimeOptions.runtime());
        int n = BatchCheck.jobs(candidates, set).size();
        System.out.printf("batch: %d candidates (%d copies of the sample), Lean's start included%n", n, copies);

        Rate local2 = local(set, candidates, dir.resolve("local.jsonl"));
        System.out.printf("local engine, 2 workers: %.2f candidates/s (%.2f/s once started)%n", local2.whole(), local2.started());
        Rate spark2 = spark(set, candidates, dir.resolve("spark2.jsonl"), 2);
        System.out.printf("spark local[2]: %.2f candidates/s (%.2f/s once started); overhead against the local engine %.1f %% "
                + "(%.1f %% once started), target <= 10 %%%n", spark2.whole(), spark2.started(),
                100 * (local2.whole() / spark2.whole() - 1), 100 * (local2.started() / spark2.started() - 1));
        Rate spark1 = spark(set, candidates, dir.resolve("spark1.jsonl"), 1);
        System.out.printf("spark local[1]: %.2f candidates/s (%.2f/s once started); local[2] is %.2fx that (%.2fx once started), "
                + "target >= 1.7%n", spark1.whole(), spark1.started(), spark2.whole() / spark1.whole(), spark2.started() / spark1.started());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("candidates", n);
        json.put("local_2_per_s", round(local2.whole()));
        json.put("spark_2_per_s", round(spark2.whole()));
        json.put("spark_1_per_s", round(spark1.whole()));
        json.put("spark_overhead_pct", round(100 * (local2.whole() / spark2.whole() - 1)));
        json.put("spark_2_over_1", round(spark2.whole() / spark1.whole()));
        json.put("started_local_2_per_s", round(local2.started()));
        json.put("started_spark_2_per_s", round(spark2.started()));
        json.put("started_spark_1_per_s", round(spark1.started()));
        json.put("started_spark_2_over_1", round(spark2.started() / spark1.started()));
        System.out.println(new ObjectMapper().writeValueAsString(json));
        com.google.common.io.MoreFiles.deleteRecursively(dir, com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
        return 0;
    }

    /**
     * Candidates per second over the whole batch, Lean's start included, and once started: from the first verdict Lean
     * gave to the last, which is what more candidates per batch approach.
     */
    record Rate(double whole, double started) {}

    /** When the first and the last verdict Lean gave came, and how many; invalid ones are judged while reading. */
    static final class Clock {
        private long first;
        private long last;
        private int count;

        synchronized void tick(Verdict v) {
            if (v.verdict() == Verdict.Kind.invalid) {
                return;
            }
            last = System.nanoTime();
            if (count++ == 0) {
                first = last;
            }
        }

        /** The rates of a batch of {@code n} candidates that started at {@code t0} and has just ended. */
        synchronized Rate rate(int n, long t0) {
            double whole = n / ((System.nanoTime() - t0) / 1e9);
            double span = (last - first) / 1e9;
            return new Rate(whole, count > 1 && span > 0 ? (count - 1) / span : whole);
        }
    }

    private Rate local(ProblemSet set, Path candidates, Path out) throws Exception {
        long t0 = System.nanoTime();
        Clock clock = new Clock();
        int n;
        try (LeanPool pool = Lean.pool().runtime(runtimeOptions.runtime()).workers(2).open()) {
            n = new BatchCheck(set, new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2)
                    .run(candidates, out, t -> {}, clock::tick).size();
        }
        return clock.rate(n, t0);
    }

    private Rate spark(ProblemSet set, Path candidates, Path out, int cores) throws Exception {
        RuntimeSpec spec = runtimeOptions.spec();
        long t0 = System.nanoTime();
        Clock clock = new Clock();
        int n = SparkCheck.run(set, candidates, out, null, "local[" + cores + ",4]",
                new SparkCheck.Settings(spec, cores, Duration.ofSeconds(60), ProofChecker.STANDARD_AXIOMS), t -> {},
                clock::tick, null).verdicts().size();
        return clock.rate(n, t0);
    }
}
