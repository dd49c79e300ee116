package dev.proofline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Values no run could use are refused on the command line, in one line naming the option, before any work. */
class UsageErrorsTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--workers, 0, --workers",
        "--workers, many, --workers",
        "--timeout, 0s, --timeout",
        "--cpus, 0, --cpus",
        "--memory, 10m, --memory",
    })
    void anUnusableValueIsOneLineAndExitCode2(String option, String value, String named) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("check", "--problems", "p.jsonl", "--candidates", "c.jsonl", "--out", "r.jsonl",
                "--runtime", "container", option, value);
        assertEquals(2, code, err.toString());
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.contains(named) && first.contains(value), first);
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--challenge c.lean",
        "--solution s.lean",
        "--problems p.jsonl --candidates c.jsonl --challenge c.lean --solution s.lean",
        "--problems p.jsonl --challenge c.lean --solution s.lean",
    })
    void checkTakesProblemsAndCandidatesOrAChallengeAndItsSolution(String inputs) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int code;
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--out", "r.jsonl"));
            args.addAll(java.util.List.of(inputs.split(" ")));
            code = new CommandLine(new Main()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(was);
        }
        assertEquals(2, code, err.toString());
        assertEquals("proofline check: give either --problems and --candidates, or --challenge and --solution",
                err.toString().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--problems, hdfs://namenode:8020/eval/p.jsonl", "--out, s3a://bucket/eval/r.jsonl"})
    void theLocalEngineNamesAHadoopUriItCannotTake(String option, String uri) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int code;
        try {
            java.util.Map<String, String> files = new java.util.HashMap<>(java.util.Map.of(
                    "--problems", "p.jsonl", "--candidates", "c.jsonl", "--out", "r.jsonl"));
            files.put(option, uri);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check"));
            files.forEach((o, v) -> args.addAll(java.util.List.of(o, v)));
            code = new CommandLine(new Main()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(was);
        }
        assertEquals(2, code, err.toString());
        assertEquals("proofline check: " + uri + ": the local engine takes local paths; Hadoop URIs (hdfs:, s3a:, file:) "
                + "are for --engine spark", err.toString().strip());
    }
}
