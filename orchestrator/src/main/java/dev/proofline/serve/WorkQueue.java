package dev.proofline.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's back-pressure: requests' items run on as many threads as the pool has Lean workers, and at
 * most {@code capacity} wait for one. A request is admitted whole or not at all ({@link Full}), an item that
 * waited past {@code maxWait} fails its request ({@link Full} too: the client should come back later), and a
 * request cancelled (its client went away, or the server stops) frees its queued items and interrupts its
 * running ones, which kills their Lean process.
 */
final class WorkQueue {
    /** The queue cannot take a request now; its message says why, for the client's 429. */
    static final class Full extends RuntimeException {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    private final ExecutorService threads;
    private final int capacity;
    private final Duration maxWait;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    WorkQueue(int workers, int capacity, Duration maxWait) {
        this.capacity = capacity;
        this.maxWait = maxWait;
        this.threads = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "proofline-serve-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Items waiting for a thread now. */
    int queued() {
        return queued.get();
    }

    /** Items running now. */
    int running() {
        return running.get();
    }

    /** Admits {@code items} as one request, or throws {@link Full} and admits none. */
    synchronized <T> Batch<T> submit(List<Callable<T>> items) {
        if (queued.get() + items.size() > capacity) {
            throw new Full("the queue is full: " + queued.get() + " waiting, room for " + capacity
                    + "; try again later");
        }
        queued.addAndGet(items.size());
        Batch<T> batch = new Batch<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item<T> item = new Item<>(batch, i, items.get(i), System.nanoTime());
            batch.items.add(item);
            threads.execute(item::run);
        }
        return batch;
    }

    /** A request's items; {@link #results} completes when all are done, or with the first failure. */
    final class Batch<T> {
        private final List<Item<T>> items = new ArrayList<>();
        private final List<T> results;
        private final AtomicInteger left;
        private final CompletableFuture<List<T>> done = new CompletableFuture<>();

        private Batch(int size) {
            results = new ArrayList<>(java.util.Collections.nCopies(size, null));
            left = new AtomicInteger(size);
        }

        CompletableFuture<List<T>> results() {
            return done;
        }

        /** Stops the request: queued items never run, running ones are interrupted. */
        void cancel(RuntimeException why) {
            if (done.completeExceptionally(why)) {
                items.forEach(Item::cancel);
            }
        }

        private synchronized void finished(int index, T result) {
            results.set(index, result);
            if (left.decrementAndGet() == 0) {
                done.complete(List.copyOf(results));
            }
        }
    }

    /** One item: waits, runs once on a worker thread, or is cancelled first. */
    private final class Item<T> {
        private final Batch<T> batch;
        private final int index;
        private final Callable<T> work;
        private final long enqueued;
        private boolean started;
        private boolean cancelled;
        private Thread runner;

        Item(Batch<T> batch, int index, Callable<T> work, long enqueued) {
            this.batch = batch;
            this.index = index;
            this.work = work;
            this.enqueued = enqueued;
        }

        void run() {
            synchronized (this) {
                if (cancelled) {
                    return; // its count left the queue when it was cancelled
                }
                started = true;
                runner = Thread.currentThread();
            }
            queued.decrementAndGet();
            running.incrementAndGet();
            try {
                long waited = System.nanoTime() - enqueued;
                if (waited > maxWait.toNanos()) {
                    batch.cancel(new Full("waited " + TimeUnit.NANOSECONDS.toSeconds(waited) + " s for a Lean worker, "
                            + "over the limit of " + maxWait.toSeconds() + " s; try again later"));
                    return;
                }
                batch.finished(index, work.call());
            } catch (Exception e) {
                batch.cancel(e instanceof RuntimeException r ? r : new CompletionException(e));
            } finally {
                running.decrementAndGet();
                synchronized (this) {
                    runner = null;
                }
                Thread.interrupted(); // a cancel that came as the item ended must not reach the next item
            }
        }

        synchronized void cancel() {
            if (!started && !cancelled) {
                cancelled = true;
                queued.decrementAndGet();
            } else if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** Stops the threads; what still runs is interrupted. */
    void close() {
        threads.shutdownNow();
    }
}
