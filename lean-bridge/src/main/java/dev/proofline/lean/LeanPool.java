package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Up to {@code sessions} REPL sessions that elaborate, and as many that judge (by default one per worker), kept
 * warm per header so that requests with the same imports reuse a started Lean; when a header needs a session and
 * none is free, the least recently used idle session of another header makes room. A judgement ({@link LeanRequest#judge}) goes to a
 * judge session and nothing else does, so a judge's kernel never sees a candidate's source; judges start
 * on the first judgement. A session that dies, times out, serves {@code maxRequestsPerSession} requests or
 * grows past {@code recycleRssBytes} is closed and a fresh one takes its place. A header that does not import
 * (a module this Lean lacks) is found by one start and remembered: its requests are answered
 * {@code UNIMPORTABLE} at once, and no session of another header was closed for it. Thread-safe: call
 * {@link #send} from as many threads as there are workers.
 */
public final class LeanPool implements AutoCloseable {
    private final LeanRuntime runtime;
    private final Path replProgram;
    private final List<String> defaultHeader;
    private final int workers;
    /** Sessions per role, at least {@code workers}: more keep headers that take turns warm. */
    private final int capacity;
    private final Duration requestTimeout;
    private final Duration startTimeout;
    private final long memoryCapBytes;
    private final long recycleRssBytes;
    private final int maxRequestsPerSession;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Slot, Deque<LeanSession>> idle = new HashMap<>();
    /** When each idle session was last released, for least-recently-used eviction. */
    private final Map<LeanSession, Long> idleSince = new HashMap<>();
    private long started;
    private long crashed;
    private long recycled;
    private long evicted;
    private final ExecutorService starter;
    private final Map<Role, Integer> live = new EnumMap<>(Map.of(Role.ELABORATE, 0, Role.JUDGE, 0));
    /** Headers a session has imported, those one is first trying now, and those that do not import, with Lean's error. */
    private final java.util.Set<List<String>> imported = new java.util.HashSet<>();
    private final java.util.Set<List<String>> trying = new java.util.HashSet<>();
    private final Map<List<String>, String> unimportable = new HashMap<>();
    private boolean closed;

    LeanPool(Lean.PoolBuilder b, Path replProgram) {
        this.runtime = b.runtime;
        this.replProgram = replProgram;
        this.defaultHeader = List.copyOf(b.header);
        this.workers = b.workers;
        this.capacity = Math.max(b.workers, b.sessions);
        this.requestTimeout = b.timeout;
        this.startTimeout = b.startTimeout;
        this.memoryCapBytes = b.memoryCapBytes;
        this.recycleRssBytes = b.recycleRssBytes();
        this.maxRequestsPerSession = b.maxRequestsPerSession;
        this.starter = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "lean-pool-start");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts all workers for the default header in parallel, and as many judges if {@code judges}, and waits
     * until each is ready.
     */
    void warmUp(boolean judges) throws IOException {
        List<Role> roles = judges ? List.of(Role.ELABORATE, Role.JUDGE) : List.of(Role.ELABORATE);
        List<Future<LeanSession>> starts = new ArrayList<>();
        List<Role> startRoles = new ArrayList<>();
        lock.lock();
        try {
            roles.forEach(r -> live.merge(r, workers, Integer::sum));
            imported.add(defaultHeader);
        } finally {
            lock.unlock();
        }
        for (Role role : roles) {
            for (int i = 0; i < workers; i++) {
                starts.add(starter.submit(() -> startSession(defaultHeader)));
                startRoles.add(role);
            }
        }
        IOException failure = null;
        for (int i = 0; i < starts.size(); i++) {
            try {
                release(new Slot(startRoles.get(i), defaultHeader), starts.get(i).get());
            } catch (Exception e) {
                forget(startRoles.get(i));
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
     * needed: a judgement to a judge session, anything else to one that elaborates. The reply's
     * {@code env}, if kept, is only meaningful on that same session; use {@link #withSession} for a
     * conversation of several requests.
     */
    public LeanResult send(List<String> header, LeanRequest request, Duration timeout) {
        Slot slot = new Slot(request.isJudgement() ? Role.JUDGE : Role.ELABORATE, List.copyOf(header));
        LeanSession s;
        try {
            s = acquire(slot);
        } catch (LeanSession.HeaderNotImported e) {
            return LeanResult.withoutReply(LeanResult.Status.UNIMPORTABLE, 0, e.getMessage());
        } catch (IOException e) {
            return LeanResult.withoutReply(LeanResult.Status.CRASHED, 0, "could not start Lean: " + e.getMessage());
        }
        try {
            return s.send(request, timeout);
        } finally {
            release(slot, s);
        }
    }

    /** Runs several requests on one elaborating session, so that environments it kept can be named again. */
    public <T> T withSession(List<String> header, java.util.function.Function<LeanSession, T> conversation)
            throws IOException {
        Slot slot = new Slot(Role.ELABORATE, List.copyOf(header));
        LeanSession s = acquire(slot);
        try {
            return conversation.apply(s);
        } finally {
            release(slot, s);
        }
    }

    /** What a session does: elaborate what it is sent, or only judge exported declarations. */
    private enum Role { ELABORATE, JUDGE }

    /** The sessions that can serve a request: of its role, with its header imported. */
    private record Slot(Role role, List<String> header) {}

    private LeanSession acquire(Slot key) throws IOException {
        boolean firstTry = false;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IOException("the Lean pool is closed");
                }
                String importError = unimportable.get(key.header());
                if (importError != null) {
                    throw new LeanSession.HeaderNotImported(importError);
                }
                Deque<LeanSession> warm = idle.get(key);
                if (warm != null && !warm.isEmpty()) {
                    LeanSession s = warm.pop();
                    idleSince.remove(s);
                    if (s.isAlive()) {
                        return s;
                    }
                    // died while idle (killed from outside, out of memory): its slot goes to a fresh one
                    s.close();
                    crashed++;
                    live.merge(key.role(), -1, Integer::sum);
                    continue;
                }
                if (!imported.contains(key.header())) {
                    // one start finds out whether a new header imports at all, and it evicts nothing warm until it
                    // has: meanwhile the pool runs over its size by one session per header being tried
                    if (trying.add(key.header())) {
                        firstTry = true;
                        live.merge(key.role(), 1, Integer::sum);
                        break;
                    }
                    changed.awaitUninterruptibly();
                    continue;
                }
                if (live.get(key.role()) < capacity) {
                    live.merge(key.role(), 1, Integer::sum);
                    break;
                }
                LeanSession other = leastRecentlyUsedOtherThan(key);
                if (other != null) {
                    // a session warm for another header is given to this one: the pool keeps to its size
                    other.close();
                    evicted++;
                    live.merge(key.role(), -1, Integer::sum);
                    continue;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        try {
            LeanSession s = startSession(key.header());
            if (firstTry) {
                tried(key, null);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            if (firstTry) {
                tried(key, e);
            }
            forget(key.role());
            throw e;
        }
    }

    /**
     * The end of a header's first start: imported ({@code failure} null), after which a session warm for another
     * header is closed if the pool ran over its size for the start; remembered as not importing; or failed for
     * another reason, so the next request tries again.
     */
    private void tried(Slot key, Exception failure) {
        lock.lock();
        try {
            trying.remove(key.header());
            if (failure instanceof LeanSession.HeaderNotImported) {
                unimportable.put(key.header(), failure.getMessage());
            } else if (failure == null) {
                imported.add(key.header());
                LeanSession other = live.get(key.role()) > capacity ? leastRecentlyUsedOtherThan(key) : null;
                if (other != null) {
                    other.close();
                    evicted++;
                    live.merge(key.role(), -1, Integer::sum);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes out the idle session of another header of {@code key}'s role released longest ago, if any. */
    private LeanSession leastRecentlyUsedOtherThan(Slot key) {
        Deque<LeanSession> from = null;
        long oldest = Long.MAX_VALUE;
        for (var e : idle.entrySet()) {
            if (e.getKey().role() == key.role() && !e.getKey().equals(key) && !e.getValue().isEmpty()
                    && idleSince.get(e.getValue().peekLast()) < oldest) {
                from = e.getValue();
                oldest = idleSince.get(from.peekLast());
            }
        }
        if (from == null) {
            return null;
        }
        LeanSession s = from.removeLast();
        idleSince.remove(s);
        return s;
    }

    private LeanSession startSession(List<String> header) throws IOException {
        LeanSession s = LeanSession.start(runtime, replProgram, header, startTimeout, memoryCapBytes);
        lock.lock();
        try {
            started++;
        } finally {
            lock.unlock();
        }
        return s;
    }

    private void release(Slot slot, LeanSession s) {
        boolean dead = !s.isAlive();
        boolean worn = s.isRetired() || s.requestsServed() >= maxRequestsPerSession || s.rssBytes() > recycleRssBytes;
        if (dead || worn) {
            s.close();
            lock.lock();
            try {
                if (dead) {
                    crashed++;
                } else {
                    recycled++;
                }
            } finally {
                lock.unlock();
            }
            forget(slot.role());
            replaceInBackground(slot);
            return;
        }
        lock.lock();
        try {
            if (closed || live.get(slot.role()) > capacity) {
                // over the pool's size after a header's first start, with nothing idle to close then
                s.close();
                live.merge(slot.role(), -1, Integer::sum);
            } else {
                idle.computeIfAbsent(slot, k -> new ArrayDeque<>()).push(s);
                idleSince.put(s, System.nanoTime());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A replaced session is started at once, so the next request finds a warm one. */
    private void replaceInBackground(Slot slot) {
        lock.lock();
        try {
            if (closed || live.get(slot.role()) >= Math.min(capacity, workers)) {
                return;
            }
            live.merge(slot.role(), 1, Integer::sum);
        } finally {
            lock.unlock();
        }
        starter.submit(() -> {
            try {
                release(slot, startSession(slot.header()));
            } catch (IOException | RuntimeException e) {
                forget(slot.role());
            }
        });
    }

    private void forget(Role role) {
        lock.lock();
        try {
            live.merge(role, -1, Integer::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sessions started, found dead (crashed, or killed for a timeout or the memory cap), retired after their
     * share of requests or memory or on a caller's word, and closed to make room for another header, since the
     * pool opened; and those of both roles alive now.
     */
    public record Stats(long started, long crashed, long recycled, long evicted, int live) {}

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(started, crashed, recycled, evicted, live.values().stream().mapToInt(Integer::intValue).sum());
        } finally {
            lock.unlock();
        }
    }

    /** Elaborating sessions alive and idle now, per header (for reports and tests). */
    public Map<List<String>, Integer> idleSessions() {
        lock.lock();
        try {
            Map<List<String>, Integer> counts = new HashMap<>();
            idle.forEach((k, v) -> {
                if (k.role() == Role.ELABORATE) {
                    counts.put(k.header(), v.size());
                }
            });
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
            idle.forEach((slot, sessions) -> {
                all.addAll(sessions);
                live.merge(slot.role(), -sessions.size(), Integer::sum);
            });
            idle.clear();
            idleSince.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        starter.shutdownNow();
        all.forEach(LeanSession::close);
    }
}
