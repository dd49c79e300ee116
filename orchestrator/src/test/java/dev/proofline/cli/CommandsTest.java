package dev.proofline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The happy path and the usage errors of the commands other tests do not run end to end, through the
 * command line as a user types it, with real Lean where a command needs one.
 */
class CommandsTest {
    /** What a run printed and its exit code. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream errStream = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errStream, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new Main()).setExecutionExceptionHandler((e, c, p) -> {
                c.getErr().println(e.getMessage());
                return c.getCommandSpec().exitCodeOnExecutionException();
            });
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err + errStream.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void generatePublishAndIngestMakeAVersionedDatasetAndBack(@TempDir Path dir) throws Exception {
        Run generated = run("generate", "mba", "--count", "3", "--seed", "7", "--workers", "1", "--out",
                dir.resolve("mba").toString());
        assertEquals(0, generated.code(), generated.err());
        assertTrue(generated.out().contains("3 problems written"), generated.out());

        Run published = run("publish", dir.resolve("mba").toString(), "--repo", dir.resolve("repo").toString());
        assertEquals(0, published.code(), published.err());
        assertTrue(published.out().contains("as mba/v1"), published.out());

        Run ingested = run("ingest", dir.resolve("repo").toString(), "--ref", "mba/v1", "--path", "problems/mba",
                "--out", dir.resolve("back").toString(), "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, ingested.code(), ingested.err());
        assertEquals(Files.readString(dir.resolve("mba/problems.jsonl")).lines().count(),
                Files.readString(dir.resolve("back/problems.jsonl")).lines().count());
    }

    @Test
    void usageErrorsAreOneLineAndExitCode2(@TempDir Path dir) {
        Run family = run("generate", "nonsense", "--out", dir.resolve("x").toString());
        assertEquals(2, family.code());
        assertTrue(family.err().contains("nonsense"), family.err());
        Run notADataset = run("publish", dir.toString(), "--repo", dir.resolve("repo").toString());
        assertEquals(2, notADataset.code());
        assertTrue(notADataset.err().contains("no manifest.json"), notADataset.err());
        Run missingOption = run("repl", "--timeout", "0s");
        assertEquals(2, missingOption.code());
    }

    @Test
    void kernelListNamesTheShippedTasks() {
        Run r = run("kernel", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("saxpy  (n; a) x[n], y[n] → out[n]  ")), r.out());
    }

    @Test
    void kernelVerifyOfAnUnknownTaskIsOneLineAndExitOne() {
        Run r = run("kernel", "verify", "--task", "no_such_task");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().strip().endsWith("no task named 'no_such_task' and no such directory"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(2, run("kernel", "verify").code(), "--task is required");
    }
}
