package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped sample checked end to end by real Lean, as {@code proofline check} does. */
class BatchCheckTest {
    static final Path SAMPLE = Path.of("..", "problems", "samples", "basic");
    static LeanPool pool;
    static ProblemSet problems;
    static BatchCheck batch;

    @BeforeAll
    static void open() throws IOException {
        pool = Lean.pool().workers(2).open();
        problems = ProblemSet.readJsonl(SAMPLE.resolve("problems.jsonl"));
        batch = new BatchCheck(problems, new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2);
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void verdictsOfTheSampleAreHonestAndResumeLosesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("results.jsonl");
        List<Verdict> first = batch.run(SAMPLE.resolve("candidates.jsonl"), out, n -> {}, v -> {});
        long lines = Files.readAllLines(SAMPLE.resolve("candidates.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertEquals(lines, first.size());
        assertAsExpected(SAMPLE.resolve("candidates.jsonl"), first);
        assertTrue(first.stream().anyMatch(v -> v.reasons().stream().anyMatch(r -> r.startsWith("bad-line"))));
        assertFalse(Files.exists(Path.of("/tmp/proofline-sample-cheat")), "a cheating candidate wrote a file");

        // a rerun finds everything done: nothing is checked again, nothing is duplicated
        int[] todo = new int[1];
        batch.run(SAMPLE.resolve("candidates.jsonl"), out, n -> todo[0] = n, v -> {});
        assertEquals(0, todo[0]);
        assertEquals(lines, Files.readAllLines(out).size());

        // a line cut short by kill -9 is checked again, the rest is kept
        List<String> kept = Files.readAllLines(out);
        String last = kept.get(kept.size() - 1);
        Files.writeString(out, String.join("\n", kept.subList(0, kept.size() - 1)) + "\n"
                + last.substring(0, last.length() / 2), StandardCharsets.UTF_8);
        batch.run(SAMPLE.resolve("candidates.jsonl"), out, n -> todo[0] = n, v -> {});
        assertEquals(1, todo[0]);
        long complete = Files.readAllLines(out).stream().filter(l -> l.endsWith("}")).count();
        assertEquals(lines, complete);
    }

    @Test
    void everyResultLineCarriesTheDocumentedFields(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, "{\"problem\": \"add_comm\", \"proof\": \"by omega\"}\n");
        batch.run(one, out, n -> {}, v -> {});
        JsonNode n = Jsonl.JSON.readTree(Files.readAllLines(out).get(0));
        for (String field : List.of("problem", "candidate", "verdict", "reasons", "messages", "axioms", "ms")) {
            assertTrue(n.has(field), "missing " + field + " in " + n);
        }
        assertEquals("accepted", n.get("verdict").asText());
    }

    @Test
    void problemsFromADirectoryOfLeanFilesCheckTheSameWay(@TempDir Path dir) throws IOException {
        Path files = Path.of("..", "problems", "samples", "lean-files");
        BatchCheck fromFiles = new BatchCheck(ProblemSet.read(files), new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2);
        List<Verdict> verdicts = fromFiles.run(files.resolve("candidates.jsonl"), dir.resolve("r.jsonl"), n -> {}, v -> {});
        assertEquals(4, verdicts.size());
        assertAsExpected(files.resolve("candidates.jsonl"), verdicts);
    }

    @Test
    void aProblemOverTheSizeLimitIsABadProblemForItsCandidates(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("p.jsonl"), "{\"id\": \"big\", \"statement\": \"theorem t : True\", \"preamble\": \""
                + "-".repeat(dev.proofline.check.Problem.MAX_CHARS + 1) + "\"}\n");
        Path c = Files.writeString(dir.resolve("c.jsonl"), "{\"problem\": \"big\", \"proof\": \"trivial\"}\n");
        ProblemSet set = ProblemSet.readJsonl(p);
        assertEquals(1, set.rejectedLines().size(), set.rejectedLines().toString());
        Verdict v = BatchCheck.jobs(c, set).get(0).invalid();
        assertEquals(List.of("bad-problem: problem big: the preamble is " + (dev.proofline.check.Problem.MAX_CHARS + 1)
                + " characters, over the limit of " + dev.proofline.check.Problem.MAX_CHARS + " (p.jsonl:1)"), v.reasons());
    }

    /** Every candidate line says what it expects, e.g. {@code "expect": "rejected:statement-changed"}. */
    private static void assertAsExpected(Path candidates, List<Verdict> verdicts) throws IOException {
        Map<String, Verdict> byId = new HashMap<>();
        verdicts.forEach(v -> byId.put(v.candidate(), v));
        Map<String, Integer> ordinal = new HashMap<>();
        for (Jsonl.Line line : Jsonl.read(candidates)) {
            if (line.error() != null) {
                continue;
            }
            String problem = Jsonl.text(line.node(), "problem");
            String id = problem + "#" + (ordinal.merge(problem, 1, Integer::sum) - 1);
            String[] expect = Jsonl.text(line.node(), "expect").split(":", 2);
            assertReason(byId.get(id), Verdict.Kind.valueOf(expect[0]), expect.length > 1 ? expect[1] + ":" : "");
        }
    }

    private static void assertReason(Verdict v, Verdict.Kind kind, String reasonPrefix) {
        assertNotNull(v);
        assertEquals(kind, v.verdict(), v.toString());
        assertTrue(reasonPrefix.isEmpty() ? v.reasons().isEmpty() : v.reasons().stream().anyMatch(r -> r.startsWith(reasonPrefix)),
                v.reasons().toString());
    }
}
