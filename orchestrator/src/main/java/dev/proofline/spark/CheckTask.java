package dev.proofline.spark;

import dev.proofline.batch.Jsonl;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;

/**
 * A Spark task: checks its partition's candidates on its executor's Lean pool and writes each verdict to the
 * staging file of this attempt as soon as it is known, so that nothing checked is lost if the task fails.
 */
final class CheckTask implements Function2<Integer, Iterator<List<SparkCheck.Work>>, Iterator<Integer>> {
    /** A local property, for tests: {@code P:N} fails partition P's first attempt after N verdicts. */
    static final String FAIL_ONCE = "proofline.failOnce";

    private final SparkCheck.Settings settings;
    private final String staging;

    CheckTask(SparkCheck.Settings settings, String staging) {
        this.settings = settings;
        this.staging = staging;
    }

    @Override
    public Iterator<Integer> call(Integer partition, Iterator<List<SparkCheck.Work>> chunks) throws IOException {
        TaskContext task = TaskContext.get();
        String failOnce = task.getLocalProperty(FAIL_ONCE);
        int failAfter = failOnce != null && task.attemptNumber() == 0
                && Integer.parseInt(failOnce.split(":")[0]) == partition ? Integer.parseInt(failOnce.split(":")[1]) : -1;
        ProofChecker checker = ExecutorLean.checker(settings);
        Path file = new Path(staging, "part-" + partition + "-attempt-" + task.taskAttemptId() + ".jsonl");
        int n = 0;
        try (FSDataOutputStream out = HadoopFiles.fileSystem(staging).create(file, false)) {
            while (chunks.hasNext()) {
                for (SparkCheck.Work w : chunks.next()) {
                    if (n == failAfter) {
                        throw new IllegalStateException("injected failure of partition " + partition + " after " + n + " verdicts");
                    }
                    Verdict v = checker.check(w.problem(), w.candidate(), w.candidateId());
                    out.write((Jsonl.JSON.writeValueAsString(v) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.hflush();
                    n++;
                }
            }
        }
        return List.of(n).iterator();
    }
}
