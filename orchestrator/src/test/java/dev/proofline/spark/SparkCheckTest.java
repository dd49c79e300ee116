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
            new RuntimeSpec("embedded", null, ProoflineCache.defaultDir().toString(), null, 4L << 30, 2),
            2, Duration.ofSeconds(60), ProofChecker.STANDARD_AXIOMS);

    static SparkCheck.Outcome spark(ProblemSet set, Path candidates, Path out, String failOnce) throws IOException {
        return SparkCheck.run(set, candidates, out, "local[2,4]", SETTINGS, n -> {}, v -> {}, failOnce);
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
        SparkCheck.run(set, candidates, out, "local[2,4]", SETTINGS, n -> todo[0] = n, v -> {}, null);
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
