package dev.proofline.cli;

import dev.proofline.batch.FanOut;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code proofline bench …}: benchmarks that print numbers. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print measured numbers.",
        subcommands = {BenchBridgeCommand.class, BenchChallengeCommand.class, BenchCheckCommand.class, BenchGenerateCommand.class,
                BenchReplCommand.class, BenchServeCommand.class, BenchSparkCommand.class})
final class BenchCommand {
    /** Runs {@code task} on every item from {@code threads} threads; returns items per second. */
    static <T> double perSecond(List<T> items, int threads, Consumer<T> task) throws Exception {
        long t0 = System.nanoTime();
        FanOut.map(items, threads, item -> {
            task.accept(item);
            return item;
        });
        return items.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Two decimals, for the JSON line. */
    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
