package dev.proofline.spark;

import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One Lean pool per executor JVM, started by the first task that needs it and kept for every later task,
 * so that sessions stay warm per header across tasks and stages; closed when the JVM ends (or by the driver
 * in local mode, where the executor is the driver's own JVM).
 */
final class ExecutorLean {
    private static final Map<SparkCheck.Settings, ProofChecker> CHECKERS = new HashMap<>();
    private static final Map<SparkCheck.Settings, LeanPool> POOLS = new HashMap<>();
    private static boolean hooked;

    private ExecutorLean() {}

    static synchronized ProofChecker checker(SparkCheck.Settings settings) {
        ProofChecker checker = CHECKERS.get(settings);
        if (checker == null) {
            try {
                LeanPool pool = Lean.pool().runtime(settings.runtime().runtime()).workers(settings.workers())
                        .timeout(settings.timeout()).open();
                POOLS.put(settings, pool);
                checker = new ProofChecker(pool, settings.allowedAxioms());
                CHECKERS.put(settings, checker);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start Lean on this executor: " + e.getMessage(), e);
            }
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorLean::closeAll));
                hooked = true;
            }
        }
        return checker;
    }

    static synchronized void closeAll() {
        POOLS.values().forEach(LeanPool::close);
        POOLS.clear();
        CHECKERS.clear();
    }
}
