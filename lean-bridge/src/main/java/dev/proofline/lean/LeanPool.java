package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Up to {@code workers} REPL sessions, kept warm per header so that requests with the same imports reuse
 * a started Lean. A session that dies, times out, serves {@code maxRequestsPerSession} requests or grows
 * past {@code recycleRssBytes} is closed and a fresh one takes its place. Thread-safe: call
 * {@link #send} from as many threads as there are workers.
 */
public final class LeanPool implements AutoCloseable {
    private final LeanRuntime runtime;
    private final Path replProgram;
    private final List<String> defaultHeader;
    private final int workers;
    private final Duration requestTimeout;
    private final Duration startTimeout;
    private final long memoryCapBytes;
    private final long recycleRssBytes;
    private final int maxRequestsPerSession;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<List<String>, Deque<LeanSession>> idle = new HashMap<>();
    private final ExecutorService starter;
    private int live;
    private boolean closed;

    LeanPool(Lean.PoolBuilder b, Path replProgram) {
        this.runtime = b.runtime;
        this.replProgram = replProgram;
        this.defaultHeader = List.copyOf(b.header);
        this.workers = b.workers;
        this.requestTimeout = b.timeout;
        this.startTimeout = b.startTimeout;
        this.memoryCapBytes = b.memoryCapBytes;
        this.recycleRssBytes = b.recycleRssBytes;
        this.maxRequestsPerSession = b.maxRequestsPerSession;
        this.starter = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "lean-pool-start");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts all workers for the default header in parallel and waits until each is ready. */
    void warmUp() throws IOException {
        List<Future<LeanSession>> starts = new ArrayList<>();
        lock.lock();
        try {
            live += workers;
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < workers; i++) {
            starts.add(starter.submit(() -> startSession(defaultHeader)));
        }
        IOException failure = null;
        for (Future<LeanSession> f : starts) {
            try {
                release(f.get());
            } catch (Exception e) {
                forget();
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
    }

    public int workers() {
        return workers;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Elaborates {@code cmd} in a pristine copy of the default header's environment. */
    public LeanResult check(String cmd) {
        return send(LeanRequest.of(cmd));
    }

    public LeanResult send(LeanRequest request) {
        return send(defaultHeader, request, requestTimeout);
    }

    /**
     * Sends {@code request} to a session whose environment imported {@code header}, starting one if
     * needed. The reply's {@code env}, if kept, is only meaningful on that same session; use
     * {@link #withSession} for a conversation of several requests.
     */
    public LeanResult send(List<String> header, LeanRequest request, Duration timeout) {
        LeanSession s;
        try {
            s = acquire(header);
        } catch (IOException e) {
            return LeanResult.withoutReply(LeanResult.Status.CRASHED, 0, "could not start Lean: " + e.getMessage());
        }
        try {
            return s.send(request, timeout);
        } finally {
            release(s);
        }
    }

    /** Runs several requests on one session, so that environments it kept can be named again. */
    public <T> T withSession(List<String> header, java.util.function.Function<LeanSession, T> conversation)
            throws IOException {
        LeanSession s = acquire(header);
        try {
            return conversation.apply(s);
        } finally {
            release(s);
        }
    }

    private LeanSession acquire(List<String> header) throws IOException {
        List<String> key = List.copyOf(header);
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IOException("the Lean pool is closed");
                }
                Deque<LeanSession> warm = idle.get(key);
                if (warm != null && !warm.isEmpty()) {
                    LeanSession s = warm.pop();
                    if (s.isAlive()) {
                        return s;
                    }
                    // died while idle (killed from outside, out of memory): its slot goes to a fresh one
                    s.close();
                    live--;
                    continue;
                }
                if (live < workers) {
                    live++;
                    break;
                }
                LeanSession other = anyIdleOtherThan(key);
                if (other != null) {
                    // a worker warm for another header is given to this one: the pool never exceeds its size
                    other.close();
                    live--;
                    continue;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        try {
            return startSession(key);
        } catch (IOException | RuntimeException e) {
            forget();
            throw e;
        }
    }

    private LeanSession anyIdleOtherThan(List<String> key) {
        for (var e : idle.entrySet()) {
            if (!e.getKey().equals(key) && !e.getValue().isEmpty()) {
                return e.getValue().pop();
            }
        }
        return null;
    }

    private LeanSession startSession(List<String> header) throws IOException {
        return LeanSession.start(runtime, replProgram, header, startTimeout, memoryCapBytes);
    }

    private void release(LeanSession s) {
        boolean worn = !s.isAlive() || s.requestsServed() >= maxRequestsPerSession || s.rssBytes() > recycleRssBytes;
        if (worn) {
            s.close();
            forget();
            replaceInBackground(s.header());
            return;
        }
        lock.lock();
        try {
            if (closed) {
                s.close();
                live--;
            } else {
                idle.computeIfAbsent(s.header(), k -> new ArrayDeque<>()).push(s);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A replaced session is started at once, so the next request finds a warm one. */
    private void replaceInBackground(List<String> header) {
        lock.lock();
        try {
            if (closed || live >= workers) {
                return;
            }
            live++;
        } finally {
            lock.unlock();
        }
        starter.submit(() -> {
            try {
                release(startSession(header));
            } catch (IOException | RuntimeException e) {
                forget();
            }
        });
    }

    private void forget() {
        lock.lock();
        try {
            live--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sessions alive and idle now, per header (for reports and tests). */
    public Map<List<String>, Integer> idleSessions() {
        lock.lock();
        try {
            Map<List<String>, Integer> counts = new HashMap<>();
            idle.forEach((k, v) -> counts.put(k, v.size()));
            return counts;
        } finally {
            lock.unlock();
        }
    }

    /** Resident memory of each idle session, in bytes. */
    public List<Long> idleRss() {
        lock.lock();
        try {
            return idle.values().stream().flatMap(Deque::stream).map(LeanSession::rssBytes).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        List<LeanSession> all = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
            live -= all.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        starter.shutdownNow();
        all.forEach(LeanSession::close);
    }
}
