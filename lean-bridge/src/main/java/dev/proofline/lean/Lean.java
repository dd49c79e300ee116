package dev.proofline.lean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Entry point of the bridge: {@code try (LeanPool pool = Lean.pool().workers(2).open()) { pool.check(cmd); }}.
 */
public final class Lean {
    /**
     * A worker's memory, bounding the default worker count: its elaborating process peaks at 1.8 GB on the
     * shipped sample (start-up included) and its judge process, used in turn, holds ~1 GB (0.96 GB RSS
     * after the sample).
     */
    static final long TYPICAL_WORKER_BYTES = 3L << 30;

    private Lean() {}

    public static PoolBuilder pool() {
        return new PoolBuilder();
    }

    /** Settings of a {@link LeanPool}; every one has a default. */
    public static final class PoolBuilder {
        LeanRuntime runtime = LeanRuntime.embedded();
        List<String> header = List.of("Init");
        int workers = defaultWorkers();
        int sessions;
        boolean warmJudges;
        Duration timeout = Duration.ofSeconds(60);
        final Duration startTimeout = Duration.ofMinutes(3);
        long memoryCapBytes = 6L << 30;
        /**
         * Requests after which a session is retired and replaced. Its resident memory stays
         * flat when each request drops its environment, but a fresh process runs its first ~1,300 proofs
         * slower while V8 optimises the wasm code, so retiring sooner costs throughput.
         */
        final int maxRequestsPerSession = 10_000;

        private PoolBuilder() {}

        public PoolBuilder runtime(LeanRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        /** The modules every session imports before its first request (default {@code Init}). */
        public PoolBuilder header(List<String> modules) {
            this.header = List.copyOf(modules);
            return this;
        }

        public PoolBuilder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** The workers the pool will have (by default one per core, as memory allows). */
        public int workers() {
            return workers;
        }

        /**
         * Warm sessions kept per role (elaborating, judging), at least {@code workers} (the default): more keep
         * headers that take turns warm, where a cold start costs seconds, at about 1 GB each.
         */
        public PoolBuilder sessions(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("sessions must be at least 1, got " + sessions);
            }
            this.sessions = sessions;
            return this;
        }

        /** Starts the judge sessions with the others, so that the first judgements do not wait for Lean to start. */
        public PoolBuilder warmJudges() {
            this.warmJudges = true;
            return this;
        }

        /** Wall-clock limit of one request; a session that overruns it is killed and replaced. */
        public PoolBuilder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Resident memory at which a session is killed mid-request (default 6 GiB); two thirds of it is where a
         * session is retired and replaced after a request. Raise it for headers whose import alone holds gigabytes
         * (Mathlib on the native runtime), which the defaults, set for the embedded Lean, would not let serve.
         */
        public PoolBuilder memoryCap(long bytes) {
            this.memoryCapBytes = bytes;
            return this;
        }

        /** Resident memory after a request at which a session is retired and replaced: 4 GiB by default. */
        long recycleRssBytes() {
            return memoryCapBytes / 3 * 2;
        }

        /** Starts the workers in parallel and returns when all are ready. */
        public LeanPool open() throws IOException {
            LeanPool pool = new LeanPool(this, prepare(runtime));
            pool.warmUp(warmJudges);
            return pool;
        }
    }

    /**
     * Does the runtime's one-time work for the REPL program now (installing, precompiling), as opening the
     * first pool would, and returns the program: benchmarks call it so as not to time that work.
     */
    public static Path prepare(LeanRuntime runtime) throws IOException {
        Path repl = ReplProgram.materialise(runtime instanceof EmbeddedRuntime e ? e.cacheDir() : ProoflineCache.defaultDir());
        runtime.prepare(repl);
        return repl;
    }

    /**
     * A worker's two processes take turns on one candidate, using about one core, so one worker per core,
     * as far as memory allows.
     */
    static int defaultWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long byMemory = Math.max(1, (memory - (2L << 30)) / TYPICAL_WORKER_BYTES);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }
}
