package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.ProofChecker;
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

        double local2 = local(set, candidates, dir.resolve("local.jsonl"));
        System.out.printf("local engine, 2 workers: %.2f candidates/s%n", local2);
        double spark2 = spark(set, candidates, dir.resolve("spark2.jsonl"), 2);
        System.out.printf("spark local[2]: %.2f candidates/s (overhead against the local engine %.1f %%, target <= 10 %%)%n",
                spark2, 100 * (local2 / spark2 - 1));
        double spark1 = spark(set, candidates, dir.resolve("spark1.jsonl"), 1);
        System.out.printf("spark local[1]: %.2f candidates/s; local[2] is %.2fx that (target >= 1.7)%n", spark1, spark2 / spark1);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("candidates", n);
        json.put("local_2_per_s", round(local2));
        json.put("spark_2_per_s", round(spark2));
        json.put("spark_1_per_s", round(spark1));
        json.put("spark_overhead_pct", round(100 * (local2 / spark2 - 1)));
        json.put("spark_2_over_1", round(spark2 / spark1));
        System.out.println(new ObjectMapper().writeValueAsString(json));
        com.google.common.io.MoreFiles.deleteRecursively(dir, com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
        return 0;
    }

    private double local(ProblemSet set, Path candidates, Path out) throws Exception {
        long t0 = System.nanoTime();
        int n;
        try (LeanPool pool = Lean.pool().runtime(runtimeOptions.runtime()).workers(2).open()) {
            n = new BatchCheck(set, new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2).run(candidates, out, t -> {}, v -> {}).size();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private double spark(ProblemSet set, Path candidates, Path out, int cores) throws Exception {
        RuntimeSpec spec = runtimeOptions.spec();
        long t0 = System.nanoTime();
        int n = SparkCheck.run(set, candidates, out, null, "local[" + cores + ",4]",
                new SparkCheck.Settings(spec, cores, Duration.ofSeconds(60), ProofChecker.STANDARD_AXIOMS), t -> {}, v -> {}, null).verdicts().size();
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
