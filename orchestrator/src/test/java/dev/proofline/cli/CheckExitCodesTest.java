package dev.proofline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code proofline check}'s exit codes, with real Lean: 0 checked, 2 usage, 3 bad input, 4 --fail-on. */
class CheckExitCodesTest {
    @TempDir
    static Path dir;
    static Path problems;
    static Path candidates;

    @BeforeAll
    static void write() throws Exception {
        problems = Files.writeString(dir.resolve("problems.jsonl"),
                "{\"id\": \"p\", \"statement\": \"theorem p : 1 + 1 = 2\"}\n");
        candidates = Files.writeString(dir.resolve("candidates.jsonl"),
                "{\"problem\": \"p\", \"id\": \"good\", \"proof\": \"rfl\"}\n"
                + "{\"problem\": \"p\", \"id\": \"wrong\", \"proof\": \"trivial\"}\n");
    }

    static int check(String... extra) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        String[] args = new String[8 + extra.length];
        System.arraycopy(new String[] {"check", "--workers", "1", "--problems", problems.toString(), "--candidates",
                candidates.toString(), "--out"}, 0, args, 0, 8);
        System.arraycopy(extra, 0, args, 8, extra.length);
        return cli.execute(args);
    }

    @Test
    void aCheckedBatchIs0AndFailOnMakesIt4() throws Exception {
        Path summary = dir.resolve("summary.json");
        assertEquals(0, check(dir.resolve("r1.jsonl").toString(), "--summary-json", summary.toString()));
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertEquals(1, s.path("verdicts").path("accepted").asInt(), s.toString());
        assertEquals(1, s.path("verdicts").path("rejected").asInt(), s.toString());
        assertEquals(1.0, s.path("pass_at_k").asDouble(), s.toString());
        // the results are there: a rerun with --fail-on decides from them without checking again
        assertEquals(4, check(dir.resolve("r1.jsonl").toString(), "--fail-on", "not-accepted"));
        assertEquals(0, check(dir.resolve("r1.jsonl").toString(), "--fail-on", "invalid"));
    }

    @Test
    void badInputIs3AndTheRestIsChecked() throws Exception {
        Path withBadLine = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(candidates) + "not json\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        Path out = dir.resolve("r2.jsonl");
        int code = cli.execute("check", "--workers", "1", "--problems", problems.toString(), "--candidates",
                withBadLine.toString(), "--out", out.toString());
        assertEquals(3, code, err.toString());
        assertEquals(3, Files.readAllLines(out).size(), "both candidates and the bad line have a verdict");
    }

    @Test
    void aHeaderThatDoesNotImportIsABadProblemForEachCandidateAndTheRestIsChecked() throws Exception {
        Path withMathlib = Files.writeString(dir.resolve("mathlib-problems.jsonl"), Files.readString(problems)
                + "{\"id\": \"m\", \"header\": [\"Mathlib\"], \"statement\": \"theorem m : 1 = 1\"}\n");
        Path cands = Files.writeString(dir.resolve("mathlib-candidates.jsonl"), "{\"problem\": \"m\", \"proof\": \"rfl\"}\n"
                + "{\"problem\": \"m\", \"proof\": \"by rfl\"}\n{\"problem\": \"p\", \"proof\": \"rfl\"}\n");
        Path out = dir.resolve("r5.jsonl");
        // two workers: both candidates of m wait on the one start that finds the header does not import
        assertEquals(3, new CommandLine(new Main()).execute("check", "--workers", "2", "--problems", withMathlib.toString(),
                "--candidates", cands.toString(), "--out", out.toString()));
        ObjectMapper json = new ObjectMapper();
        int bad = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode v = json.readTree(line);
            if (v.path("problem").asText().equals("m")) {
                bad++;
                assertEquals("invalid", v.path("verdict").asText(), v.toString());
                assertEquals(1, v.path("reasons").size(), v.toString());
                String reason = v.path("reasons").get(0).asText();
                assertTrue(reason.startsWith("bad-problem: the header does not import: ") && reason.contains("Mathlib"), reason);
            } else {
                assertEquals("accepted", v.path("verdict").asText(), v.toString());
            }
        }
        assertEquals(2, bad);
    }

    @Test
    void aMissingOutputFolderIs2BeforeLeanStarts() {
        long t0 = System.nanoTime();
        assertEquals(2, check(dir.resolve("no-such-folder").resolve("r.jsonl").toString()));
        assertEquals(2, check(dir.resolve("r3.jsonl").toString(), "--report", dir.resolve("nowhere/report.md").toString()));
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "refused without starting Lean");
    }

    @Test
    void candidatesCanBePipedIn() throws Exception {
        Path out = dir.resolve("r4.jsonl");
        java.io.InputStream stdin = System.in;
        int code;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "{\"problem\": \"p\", \"proof\": \"rfl\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            code = new CommandLine(new Main()).execute("check", "--workers", "1", "--problems", problems.toString(),
                    "--candidates", "-", "--out", out.toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, code);
        JsonNode verdict = new ObjectMapper().readTree(Files.readAllLines(out).get(0));
        assertEquals("accepted", verdict.path("verdict").asText(), verdict.toString());
    }
}
