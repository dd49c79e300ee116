package dev.proofline.spark;

import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ProblemSet;
import dev.proofline.batch.ResultLog;
import dev.proofline.check.Verdict;
import dev.proofline.lean.RuntimeSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code check --engine spark}: the batch as a Spark job. The driver reads the problems and candidates as the
 * local engine does and skips what the results file has; the candidates to check go out in partitions of one
 * import header each, so that an executor's warm sessions serve them; each executor checks them on its one
 * Lean pool ({@link ExecutorLean}) and writes each verdict, as it is known, to a staging file of its task
 * attempt ({@link Staging}); the driver then appends to the results file every verdict of the staging files
 * it does not have yet. A retried task, or a run killed and run again, may have checked a candidate twice;
 * the results file still holds it once.
 */
public final class SparkCheck {
    /** What an executor needs to start its Lean pool; the same settings share one pool per JVM. */
    public record Settings(RuntimeSpec runtime, int workers, Duration timeout, Set<String> allowedAxioms)
            implements Serializable {
        public Settings {
            allowedAxioms = Set.copyOf(allowedAxioms);
        }
    }

    /** Every verdict of the results file, earlier runs' included, and how many task attempts failed and were retried. */
    public record Outcome(List<Verdict> verdicts, int failedTasks) {}

    /** One candidate to check, as it travels to an executor. */
    record Work(dev.proofline.check.Problem problem, dev.proofline.check.Candidate candidate, String candidateId)
            implements Serializable {}

    /** Candidates of one header per partition, at most this many: a lost task costs no more than this. */
    private static final int MAX_PARTITION = 64;

    private SparkCheck() {}

    /**
     * Checks {@code candidates} against {@code problems} on {@code master} ({@code local[N,4]}, a cluster's URL,
     * or null for what {@code spark-submit} set) and appends the verdicts to {@code out}; {@code onVerdict}
     * sees each new one as the driver takes it in.
     *
     * @param resultsUri where the results live when that is a Hadoop URI ({@code hdfs:}, {@code s3a:}): {@code out}
     *     is then a local copy, fetched first and put back before the staging folder beside it is removed, and
     *     after a failed run; null when {@code out} is where they live
     * @param failOnce fault injection for tests: {@code P:N} makes the first attempt of partition P fail
     *     after N verdicts; null normally
     */
    public static Outcome run(ProblemSet problems, Path candidates, Path out, String resultsUri, String master,
            Settings settings, Consumer<Integer> onTotal, Consumer<Verdict> onVerdict, String failOnce) throws IOException {
        if (resultsUri != null && HadoopFiles.exists(resultsUri)) {
            java.nio.file.Files.deleteIfExists(out);
            HadoopFiles.fetch(resultsUri, out);
        }
        // executors write here, so on a cluster it must be where they all can: beside the results
        String home = resultsUri != null ? resultsUri : out.toAbsolutePath().toUri().toString();
        Staging staging = new Staging(home + ".spark-staging");
        int failed = 0;
        // filled by the progress thread while the job runs, then by this one
        List<Verdict> verdicts = java.util.Collections.synchronizedList(new ArrayList<>());
        Consumer<Verdict> taken = v -> {
            verdicts.add(v);
            onVerdict.accept(v);
        };
        boolean published = false;
        try (ResultLog log = new ResultLog(out)) {
            verdicts.addAll(log.previous());
            // a run killed after its tasks wrote verdicts left them in staging: they count as done
            staging.collect(log, verdicts::add);
            List<BatchCheck.Job> todo = BatchCheck.jobs(candidates, problems).stream()
                    .filter(j -> !log.isDone(j.problem(), j.candidateId())).toList();
            onTotal.accept(todo.size());
            List<List<Work>> partitions = new ArrayList<>();
            int before = 0;
            for (BatchCheck.Job job : todo) {
                if (job.invalid() != null) {
                    // judged while reading: nothing for Lean to do
                    log.append(job.invalid());
                    verdicts.add(job.invalid());
                    onVerdict.accept(job.invalid());
                }
            }
            List<Work> work = todo.stream().filter(j -> j.invalid() == null)
                    .map(j -> new Work(problems.byId().get(j.problem()), j.candidate(), j.candidateId()))
                    .sorted(Comparator.comparing((Work w) -> String.join(" ", w.problem().header())))
                    .toList();
            if (!work.isEmpty()) {
                SparkConf conf = new SparkConf().setAppName("proofline check").set("spark.ui.enabled", "false");
                if (master != null) {
                    conf.setMaster(master);
                }
                // local mode (given here or by spark-submit): this JVM is the executor
                boolean local = conf.get("spark.master", "").startsWith("local");
                if (local) {
                    // its Lean starts while Spark does, not after (tasks wait for it)
                    Thread start = new Thread(() -> {
                        try {
                            ExecutorLean.checker(settings);
                        } catch (RuntimeException e) {
                            // the first task starts it again and fails with the reason
                        }
                    }, "proofline-lean-start");
                    start.setDaemon(true);
                    start.start();
                }
                try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                    if (failOnce != null) {
                        sc.setLocalProperty(CheckTask.FAIL_ONCE, failOnce);
                    }
                    // many small partitions: the last ones leave few cores idle, and a lost task costs little;
                    // the pool is the executor's, so sessions stay warm across partitions of a header
                    partitions = partitions(work, 8 * sc.defaultParallelism());
                    before = staging.attempts();
                    Progress progress = new Progress(staging, log, taken);
                    progress.start();
                    try {
                        sc.parallelize(partitions, partitions.size())
                                .mapPartitionsWithIndex(new CheckTask(settings, staging.dir()), false)
                                .collect();
                    } finally {
                        progress.stop();
                    }
                } finally {
                    if (local) {
                        ExecutorLean.closeAll();
                    }
                }
                staging.collect(log, taken);
                // every task attempt made a staging file: those beyond one per partition failed
                failed = staging.attempts() - before - partitions.size();
            }
            if (resultsUri != null) {
                HadoopFiles.put(out, resultsUri); // before the staging files, which hold the same, are gone
                published = true;
            }
            staging.clear();
        } finally {
            if (resultsUri != null && !published && java.nio.file.Files.exists(out)) {
                HadoopFiles.put(out, resultsUri); // what a failed run checked is there too
            }
        }
        return new Outcome(List.copyOf(verdicts), failed);
    }

    /** Contiguous runs of one header, cut into about {@code target} partitions of at most {@link #MAX_PARTITION}. */
    static List<List<Work>> partitions(List<Work> sorted, int target) {
        int size = Math.max(1, Math.min(MAX_PARTITION, (sorted.size() + target - 1) / target));
        List<List<Work>> out = new ArrayList<>();
        List<Work> current = new ArrayList<>();
        for (Work w : sorted) {
            boolean otherHeader = !current.isEmpty() && !current.get(0).problem().header().equals(w.problem().header());
            if (current.size() == size || otherHeader) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** While the job runs, verdicts the tasks have written reach the results file and the progress bar. */
    private static final class Progress {
        private final Staging staging;
        private final ResultLog log;
        private final Consumer<Verdict> taken;
        private final Thread thread;
        // not an interrupt: one would break a read from HDFS midway
        private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

        Progress(Staging staging, ResultLog log, Consumer<Verdict> taken) {
            this.staging = staging;
            this.log = log;
            this.taken = taken;
            this.thread = new Thread(this::loop, "proofline-spark-progress");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    try {
                        staging.collect(log, taken);
                    } catch (IOException e) {
                        // a staging file being written: what was taken counts, the rest is read next time
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            stopped.countDown();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
