package dev.proofline.cli;

import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lean settings of the commands that check proofs: which runtime, how many workers, how long per check. */
final class LeanOptions {
    @Option(names = "--workers", converter = Workers.class,
            description = "Lean workers in parallel (default: one per core, as memory allows).")
    Integer workers;

    @Option(names = "--timeout", defaultValue = "60s", converter = Durations.class,
            description = "Wall-clock limit per Lean check of a candidate or problem (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--memory-cap", defaultValue = "6g", converter = RuntimeOptions.MemoryConverter.class,
            description = "Resident memory at which a Lean session is killed mid-request; one past two thirds of it "
                    + "is replaced after its request. Raise it for headers that import Mathlib. Default: ${DEFAULT-VALUE}.")
    long memoryCap;

    @Mixin
    RuntimeOptions runtime;

    LeanPool open() throws IOException {
        return builder().open();
    }

    Lean.PoolBuilder builder() {
        Lean.PoolBuilder builder = Lean.pool().runtime(runtime.runtime()).timeout(timeout).memoryCap(memoryCap);
        if (workers != null) {
            builder.workers(workers);
        }
        return builder;
    }

    /** A worker count: at least one. */
    static final class Workers implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a number of workers (1 or more)");
        }
    }
}
