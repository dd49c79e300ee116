package dev.proofline.serve;

import dev.proofline.lean.LeanPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /metrics} shows, in Prometheus's text format: requests by route and status with their latency
 * histogram, verdicts by kind, each check's latency, the queue, and the Lean sessions started, crashed (or
 * killed: a timeout, the memory cap, a cancelled request), recycled and evicted.
 */
final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ServiceMetrics(LeanPool pool, WorkQueue queue) {
        Gauge.builder("proofline.queue.length", queue, WorkQueue::queued)
                .description("Snippets and candidates waiting for a Lean worker").register(registry);
        Gauge.builder("proofline.queue.running", queue, WorkQueue::running)
                .description("Snippets and candidates being checked now").register(registry);
        sessions(pool, "started", "Lean sessions started", s -> s.stats().started());
        sessions(pool, "crashed", "Lean sessions that died or were killed (timeout, memory cap, cancelled work)",
                s -> s.stats().crashed());
        sessions(pool, "recycled", "Lean sessions retired after their share of requests or memory", s -> s.stats().recycled());
        sessions(pool, "evicted", "Idle Lean sessions closed to make room for another header", s -> s.stats().evicted());
        Gauge.builder("proofline.sessions.live", pool, p -> p.stats().live()).description("Lean sessions alive now")
                .register(registry);
    }

    private void sessions(LeanPool pool, String what, String description, ToDoubleFunction<LeanPool> count) {
        FunctionCounter.builder("proofline.sessions." + what, pool, count).description(description).register(registry);
    }

    void request(String route, int status, long nanos) {
        Timer.builder("proofline.http.requests").description("HTTP requests by route and status")
                .tag("route", route).tag("status", Integer.toString(status)).publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One snippet or candidate checked: its verdict's kind and how long it took, queue wait excluded. */
    void snippet(String kind, long nanos) {
        Counter.builder("proofline.verdicts").description("Verdicts by kind").tag("kind", kind).register(registry)
                .increment();
        Timer.builder("proofline.check").description("Time to check one snippet or candidate, queue wait excluded")
                .publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }
}
