package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
public class BatchCheckTest {
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
        assertAsExpected(SAMPLE.resolve("candidates.jsonl"), problems, first);
        assertTrue(first.stream().anyMatch(v -> v.reasons().stream().anyMatch(r -> r.startsWith("bad-line"))));
        // the sample's #eval that would write a file is `rejected:policy` by its expect field: never elaborated

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
        ProblemSet set = ProblemSet.read(files);
        BatchCheck fromFiles = new BatchCheck(set, new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), 2);
        List<Verdict> verdicts = fromFiles.run(files.resolve("candidates.jsonl"), dir.resolve("r.jsonl"), n -> {}, v -> {});
        assertEquals(4, verdicts.size());
        assertAsExpected(files.resolve("candidates.jsonl"), set, verdicts);
    }

    @Test
    void idsFollowTheContentSoAnEditedFileResumesTheRightCandidates(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        String omega = "{\"problem\": \"add_comm\", \"proof\": \"by omega\"}\n";
        String rfl = "{\"problem\": \"add_comm\", \"proof\": \"rfl\"}\n";
        String mine = "{\"problem\": \"add_comm\", \"id\": \"mine\", \"proof\": \"Nat.add_comm a b\"}\n";
        Path c = Files.writeString(dir.resolve("c.jsonl"), omega + omega + rfl + mine + mine.replace("a b", "b a"));
        List<String> ids = BatchCheck.jobs(c, problems).stream().map(BatchCheck.Job::candidateId).toList();
        assertTrue(ids.get(0).matches("add_comm#[0-9a-f]{12}"), ids.toString());
        assertEquals(List.of(ids.get(0), ids.get(0) + "-2", "mine", "c.jsonl:5"), List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4)));
        List<Verdict> first = batch.run(c, out, n -> {}, v -> {});
        assertEquals(5, first.size());
        assertTrue(first.stream().anyMatch(v -> v.candidate().equals("c.jsonl:5")
                && v.reasons().equals(List.of("bad-candidate: the id 'mine' is used again (c.jsonl:5)"))), first.toString());
        // a rerun counts the copies and the repeated id as the first run did
        int[] todo = new int[1];
        assertEquals(5, batch.run(c, out, n -> todo[0] = n, v -> {}).size());
        assertEquals(0, todo[0]);

        // a new candidate first, one line gone: only the new one is checked, the others keep their verdicts
        String trivial = "{\"problem\": \"add_comm\", \"proof\": \"trivial\"}\n";
        Files.writeString(c, trivial + rfl + omega + omega);
        List<Verdict> fresh = new java.util.ArrayList<>();
        List<Verdict> all = batch.run(c, out, n -> todo[0] = n, fresh::add);
        assertEquals(1, todo[0]);
        assertEquals(BatchCheck.jobs(c, problems).get(0).candidateId(), fresh.get(0).candidate());
        assertReason(fresh.get(0), Verdict.Kind.rejected, "lean-error:");
        assertEquals(6, all.size());
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
    public static void assertAsExpected(Path candidates, ProblemSet set, List<Verdict> verdicts) throws IOException {
        Map<String, Verdict> byId = new HashMap<>();
        verdicts.forEach(v -> byId.put(v.candidate(), v));
        List<Jsonl.Line> lines = Jsonl.read(candidates);
        List<BatchCheck.Job> jobs = BatchCheck.jobs(candidates, set);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).error() != null) {
                continue;
            }
            String[] expect = Jsonl.text(lines.get(i).node(), "expect").split(":", 2);
            assertReason(byId.get(jobs.get(i).candidateId()), Verdict.Kind.valueOf(expect[0]),
                    expect.length > 1 ? expect[1] + ":" : "");
        }
    }

    private static void assertReason(Verdict v, Verdict.Kind kind, String reasonPrefix) {
        assertNotNull(v);
        assertEquals(kind, v.verdict(), v.toString());
        assertTrue(reasonPrefix.isEmpty() ? v.reasons().isEmpty() : v.reasons().stream().anyMatch(r -> r.startsWith(reasonPrefix)),
                v.reasons().toString());
    }
}
