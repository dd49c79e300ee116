package dev.proofline.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** A list's items handled by a fixed number of threads, as many Lean workers as there are. */
public final class FanOut {
    private FanOut() {}

    /**
     * {@code task} of each item from {@code threads} threads; the results in the items' order. The first
     * failure is thrown (as the {@link ExecutionException}'s cause), and the work left is cancelled.
     */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> task)
            throws InterruptedException, ExecutionException {
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(exec.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            exec.shutdownNow();
        }
    }
}
