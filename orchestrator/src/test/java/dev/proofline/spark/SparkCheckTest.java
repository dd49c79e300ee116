package dev.proofline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.BatchCheckTest;
import dev.proofline.batch.Jsonl;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.RuntimeSpec;
import dev.proofline.lean.ProoflineCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --engine spark} in Spark's local mode (local[2], tasks retried up to 4 times), with real Lean. */
class SparkCheckTest {
    static final Path SAMPLE = Path.of("..", "problems", "samples", "basic");
    static final SparkCheck.Settings SETTINGS = new SparkCheck.Settings(
            new RuntimeSpec("embedded", null, ProoflineCache.defaultDir().toString(), null, 4L << 30, 2, null),
            2, Duration.ofSeconds(60), ProofChecker.STANDARD_AXIOMS);

    static SparkCheck.Outcome spark(ProblemSet set, Path candidates, Path out, String failOnce) throws IOException {
        return SparkCheck.run(set, candidates, out, null, "local[2,4]", SETTINGS, n -> {}, v -> {}, failOnce);
    }

    @Test
    void theSampleGivesTheLocalEnginesVerdictsAndAResumedRunAddsNothing(@TempDir Path dir) throws Exception {
        ProblemSet set = ProblemSet.readJsonl(SAMPLE.resolve("problems.jsonl"));
        Path candidates = SAMPLE.resolve("candidates.jsonl");
        Path out = dir.resolve("results.jsonl");
        List<Verdict> verdicts = spark(set, candidates, out, null).verdicts();
        BatchCheckTest.assertAsExpected(candidates, set, verdicts);

        Path local = dir.resolve("local.jsonl");
        try (LeanPool pool = Lean.pool().workers(2).open()) {
            new BatchCheck(set, new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2).run(candidates, local, n -> {}, v -> {});
        }
        Map<String, String> sparkLines = withoutTimes(out);
        assertEquals(withoutTimes(local), sparkLines, "the same verdict per candidate, byte for byte but its ms");
        assertEquals(Files.readAllLines(local).size(), Files.readAllLines(out).size());

        int[] todo = {-1};
        SparkCheck.run(set, candidates, out, null, "local[2,4]", SETTINGS, n -> todo[0] = n, v -> {}, null);
        assertEquals(0, todo[0]);
        assertEquals(sparkLines, withoutTimes(out));
        assertFalse(Files.exists(Path.of(out + ".spark-staging")), "staging is removed once merged");
    }

    @Test
    void aTaskThatFailsMidwayIsRetriedAndNoCandidateIsMissingOrDoubled(@TempDir Path dir) throws Exception {
        ProblemSet set = ProblemSet.readJsonl(SAMPLE.resolve("problems.jsonl"));
        Path candidates = dir.resolve("candidates.jsonl");
        List<String> lines = Files.readAllLines(SAMPLE.resolve("candidates.jsonl")).stream()
                .filter(l -> l.startsWith("{\"problem\"")).limit(48).toList();
        Files.write(candidates, lines);
        Path out = dir.resolve("results.jsonl");
        // local[2] wants 16 partitions: about 3 candidates each; partition 0's first attempt writes 2 verdicts,
        // then fails, and Spark runs it again
        assertEquals(1, spark(set, candidates, out, "0:2").failedTasks());
        Map<String, String> byCandidate = withoutTimes(out);
        assertEquals(BatchCheck.jobs(candidates, set).size(), byCandidate.size());
        assertEquals(byCandidate.size(), Files.readAllLines(out).size(), "each candidate once");
    }

    @Test
    void inputsAndResultsAsHdfsUrisOnAnInProcessHdfs(@TempDir Path dir) throws Exception {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        org.apache.hadoop.hdfs.MiniDFSCluster hdfs = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(conf)
                .numDataNodes(1).build();
        try {
            org.apache.hadoop.fs.FileSystem fs = hdfs.getFileSystem();
            String root = fs.getUri() + "/eval";
            Path candidates = dir.resolve("candidates.jsonl");
            Files.write(candidates, Files.readAllLines(SAMPLE.resolve("candidates.jsonl")).stream()
                    .filter(l -> l.startsWith("{\"problem\"")).limit(12).toList());
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SAMPLE.resolve("problems.jsonl").toAbsolutePath().toString()),
                    new org.apache.hadoop.fs.Path(root + "/problems.jsonl"));
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(candidates.toString()),
                    new org.apache.hadoop.fs.Path(root + "/candidates.jsonl"));
            String[] args = {"check", "--engine", "spark", "--master", "local[2,4]", "--workers", "2",
                "--problems", root + "/problems.jsonl", "--candidates", root + "/candidates.jsonl",
                "--out", root + "/results.jsonl", "--report", root + "/report.md", "--summary-json", root + "/summary.json"};
            assertEquals(0, new picocli.CommandLine(new dev.proofline.cli.Main()).execute(args));

            Path results = dir.resolve("results.jsonl");
            fs.copyToLocalFile(new org.apache.hadoop.fs.Path(root + "/results.jsonl"), new org.apache.hadoop.fs.Path(results.toString()));
            ProblemSet set = ProblemSet.readJsonl(SAMPLE.resolve("problems.jsonl"));
            BatchCheckTest.assertAsExpected(candidates, set,
                    Files.readAllLines(results).stream().map(SparkCheckTest::verdict).toList());
            assertTrue(fs.exists(new org.apache.hadoop.fs.Path(root + "/report.md")), "the report is put beside them");
            try (java.io.InputStream in = fs.open(new org.apache.hadoop.fs.Path(root + "/summary.json"))) {
                com.fasterxml.jackson.databind.JsonNode counts = Jsonl.JSON.readTree(in).path("verdicts");
                int all = 0;
                for (com.fasterxml.jackson.databind.JsonNode c : counts) {
                    all += c.asInt();
                }
                assertEquals(Files.readAllLines(results).size(), all, "the summary counts every verdict: " + counts);
            }
            assertFalse(fs.exists(new org.apache.hadoop.fs.Path(root + "/results.jsonl.spark-staging")),
                    "the staging folder, on HDFS where executors write, is removed once merged");

            // resumed from HDFS: nothing is checked again, and the results are unchanged
            assertEquals(0, new picocli.CommandLine(new dev.proofline.cli.Main()).execute(args));
            Path again = dir.resolve("again.jsonl");
            fs.copyToLocalFile(new org.apache.hadoop.fs.Path(root + "/results.jsonl"), new org.apache.hadoop.fs.Path(again.toString()));
            assertEquals(withoutTimes(results), withoutTimes(again));
            assertEquals(Files.readAllLines(results).size(), Files.readAllLines(again).size());

            String[] missing = args.clone();
            missing[8] = root + "/nothing.jsonl";
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream stderr = System.err;
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                assertEquals(2, new picocli.CommandLine(new dev.proofline.cli.Main()).execute(missing));
            } finally {
                System.setErr(stderr);
            }
            assertEquals("proofline check: no such problems file or folder: " + root + "/nothing.jsonl",
                    err.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        } finally {
            hdfs.shutdown();
        }
    }

    private static Verdict verdict(String line) {
        try {
            return Jsonl.JSON.readValue(line, Verdict.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each line of a results file by its candidate, without the time it took. */
    static Map<String, String> withoutTimes(Path results) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(results)) {
            ObjectNode n = (ObjectNode) Jsonl.JSON.readTree(line);
            n.remove("ms");
            String previous = out.put(n.get("problem").asText() + "/" + n.get("candidate").asText(), n.toString());
            assertTrue(previous == null, "twice: " + line);
        }
        return out;
    }
}
