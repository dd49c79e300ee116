package dev.proofline.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofline.batch.Jsonl;
import dev.proofline.batch.ResultLog;
import dev.proofline.check.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where tasks put their verdicts as they go: a folder (any Hadoop file system URI) with one JSONL file per task
 * attempt, which the driver reads from where it stopped and appends to the results file, each candidate once.
 * A task attempt that failed midway, or a run that was killed, leaves complete lines that still count.
 */
final class Staging {
    private final String dir;
    private final Map<String, Long> read = new HashMap<>();

    Staging(String dir) {
        this.dir = dir;
    }

    String dir() {
        return dir;
    }

    /**
     * The verdicts of complete lines not read before, appended to {@code log} unless it has their candidate;
     * each appended is given to {@code onVerdict} at once, so a read that fails later loses none of them.
     */
    synchronized void collect(ResultLog log, Consumer<Verdict> onVerdict) throws IOException {
        FileSystem fs = HadoopFiles.fileSystem(dir);
        Path folder = new Path(dir);
        if (!fs.exists(folder)) {
            return;
        }
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            long from = read.getOrDefault(name, 0L);
            if (!name.endsWith(".jsonl") || f.getLen() <= from) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = fs.open(f.getPath())) {
                in.skipNBytes(from);
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                bytes = buf.toByteArray();
            }
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--; // a line still being written is read next time
            }
            read.put(name, from + end);
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Jsonl.JSON.readTree(line);
                if (log.isDone(n.path("problem").asText(), n.path("candidate").asText())) {
                    continue; // a retried task's second verdict for a candidate
                }
                Verdict v = Jsonl.JSON.treeToValue(n, Verdict.class);
                log.append(v);
                onVerdict.accept(v);
            }
        }
    }

    /** The staging files there are: one per task attempt. */
    int attempts() throws IOException {
        FileSystem fs = HadoopFiles.fileSystem(dir);
        Path folder = new Path(dir);
        return fs.exists(folder) ? fs.listStatus(folder, p -> p.getName().endsWith(".jsonl")).length : 0;
    }

    /** Removes the folder once the results file holds everything in it. */
    void clear() throws IOException {
        HadoopFiles.fileSystem(dir).delete(new Path(dir), true);
        read.clear();
    }
}
