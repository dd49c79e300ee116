package dev.proofline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code proofline bench …}: benchmarks that print numbers. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print measured numbers.",
        subcommands = {BenchBridgeCommand.class, BenchCheckCommand.class, BenchGenerateCommand.class, BenchReplCommand.class})
final class BenchCommand {
    /** Runs {@code task} on every item from {@code threads} threads; returns items per second. */
    static <T> double perSecond(List<T> items, int threads, Consumer<T> task) throws Exception {
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(exec.submit(() -> task.accept(item)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return items.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            exec.shutdownNow();
        }
    }

    /** Two decimals, for the JSON line. */
    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
