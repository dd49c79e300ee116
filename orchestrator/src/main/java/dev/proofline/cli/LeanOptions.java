package dev.proofline.cli;

import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lean settings of the commands that check proofs: which runtime, how many workers, how long per check. */
final class LeanOptions {
    @Option(names = "--workers", description = "Lean processes in parallel (default: one per core, as memory allows).")
    Integer workers;

    @Option(names = "--timeout", defaultValue = "60s", converter = Durations.class,
            description = "Wall-clock limit per Lean check of a candidate or problem (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    RuntimeOptions runtime;

    LeanPool open() throws IOException {
        Lean.PoolBuilder builder = Lean.pool().runtime(runtime.runtime()).timeout(timeout);
        if (workers != null) {
            builder.workers(workers);
        }
        return builder.open();
    }
}
