package dev.proofline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofline.check.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The results file: one verdict per line, appended and flushed as each is known, so a batch killed at
 * any moment keeps every verdict it reported, and a rerun skips them.
 */
public final class ResultLog implements AutoCloseable {
    private final BufferedWriter out;
    private final Set<String> done = new HashSet<>();
    private final List<Verdict> previous = new ArrayList<>();

    public ResultLog(Path file) throws IOException {
        if (Files.exists(file)) {
            for (Jsonl.Line line : Jsonl.read(file)) {
                // a line cut short by a kill is not a result: that candidate is checked again
                if (line.node() != null && line.node().hasNonNull("verdict")) {
                    JsonNode n = line.node();
                    if (done.add(key(n.path("problem").asText(), n.path("candidate").asText()))) {
                        previous.add(Jsonl.JSON.treeToValue(n, Verdict.class));
                    }
                }
            }
            terminateLastLine(file);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A line cut short by a kill would swallow the next one appended: end it first. */
    private static void terminateLastLine(Path file) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long n = f.length();
            if (n > 0) {
                f.seek(n - 1);
                if (f.read() != '\n') {
                    f.write('\n');
                }
            }
        }
    }

    public static String key(String problem, String candidate) {
        return problem + "\u0000" + candidate;
    }

    public synchronized boolean isDone(String problem, String candidate) {
        return done.contains(key(problem, candidate));
    }

    public List<Verdict> previous() {
        return previous;
    }

    public synchronized void append(Verdict v) throws IOException {
        done.add(key(v.problem(), v.candidate()));
        out.write(Jsonl.JSON.writeValueAsString(v));
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
