package dev.proofline.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.LeanPool;
import dev.proofline.repl.SnippetCheck;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code proofline serve}: Kimina Lean Server's API ({@link KiminaApi}) and Proofline's own {@code POST /check}
 * ({@link CheckApi}) over one {@link LeanPool}, on Vert.x's HTTP server (Netty: it sees a client go away while
 * its request runs, and the request's work is then cancelled). Work waits in a bounded {@link WorkQueue}: past
 * it, or past its longest wait, the answer is 429 as Kimina gives it. Bodies over the limit get 413, malformed or
 * unknown fields 422, a missing or wrong key 401 (Kimina's {@code Authorization: Bearer} key), all with one line
 * in FastAPI's {@code {"detail"}} shape. {@link #stop} lets in-flight requests finish for a grace period and
 * answers the rest 503.
 */
public final class ProoflineServer implements AutoCloseable {
    /** Text after the body's object, or a key given twice, makes it malformed, not silently one reading of it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Builder settings;
    private final Vertx vertx = Vertx.vertx();
    private final WorkQueue queue;
    private final ServiceMetrics metrics;
    private final KiminaApi kimina;
    private final CheckApi check;
    private final Set<WorkQueue.Batch<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private HttpServer server;

    private ProoflineServer(Builder b) {
        this.settings = b;
        this.queue = new WorkQueue(b.pool.workers(), b.queueCapacity, b.maxWait);
        this.metrics = new ServiceMetrics(b.pool, queue);
        this.kimina = new KiminaApi(new SnippetCheck(b.pool, b.allowedAxioms), b.maxTimeout, b.judge, metrics);
        this.check = new CheckApi(new ProofChecker(b.pool, b.allowedAxioms), metrics);
    }

    public static Builder builder(LeanPool pool) {
        return new Builder(pool);
    }

    /** The service's settings; the defaults are {@code proofline serve}'s. */
    public static final class Builder {
        private final LeanPool pool;
        private String host = "127.0.0.1";
        private int port = 8000;
        private String apiKey;
        private int queueCapacity = 1024;
        private Duration maxWait = Duration.ofMinutes(10);
        private long maxBodyBytes = 32L << 20;
        private Duration maxTimeout = Duration.ofSeconds(300);
        private boolean judge = true;
        private Set<String> allowedAxioms = ProofChecker.STANDARD_AXIOMS;

        private Builder(LeanPool pool) {
            this.pool = pool;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 for any free port ({@link #port()} says which). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A key every check must carry as {@code Authorization: Bearer KEY}; null for none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            return this;
        }

        /** Snippets and candidates that may wait for a worker; a request that would overfill it gets 429. */
        public Builder queueCapacity(int items) {
            this.queueCapacity = items;
            return this;
        }

        /** The longest an item may wait for a worker before its request gets 429. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** The longest a snippet may run; a request's {@code timeout} above it is cut to it. */
        public Builder maxTimeout(Duration maxTimeout) {
            this.maxTimeout = maxTimeout;
            return this;
        }

        /** Whether snippets are judged unless a request says {@code "judge": false} (default true). */
        public Builder judge(boolean judge) {
            this.judge = judge;
            return this;
        }

        public Builder allowedAxioms(Set<String> axioms) {
            this.allowedAxioms = Set.copyOf(axioms);
            return this;
        }

        /** Binds and serves; returns once the port is open. */
        public ProoflineServer start() {
            ProoflineServer s = new ProoflineServer(this);
            s.listen();
            return s;
        }
    }

    private void listen() {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> reply(ctx, "health", 200, JSON.createObjectNode().put("status", "ok")));
        router.get("/metrics").handler(ctx -> {
            ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
        });
        BodyHandler body = BodyHandler.create().setBodyLimit(settings.maxBodyBytes).setHandleFileUploads(false);
        post(router, body, List.of("/api/check", "/api/check/"), "api/check", b -> {
            KiminaApi.Request r = kimina.readCheck(b);
            return new Work<>(kimina.work(r, false), KiminaApi::results);
        });
        post(router, body, List.of("/verify", "/one_pass_verify_batch"), "verify", b -> {
            KiminaApi.Request r = kimina.readVerify(b);
            return new Work<>(kimina.work(r, true), KiminaApi::results);
        });
        post(router, body, List.of("/check", "/check/"), "check", b -> {
            CheckApi.Request r = check.read(b);
            return new Work<>(check.work(r), verdicts -> CheckApi.response(r, verdicts));
        });
        router.errorHandler(413, ctx -> reply(ctx, "other", 413, detail("the request body is over the limit of "
                + settings.maxBodyBytes + " bytes")));
        router.errorHandler(404, ctx -> reply(ctx, "other", 404, detail("no such endpoint: " + ctx.request().method()
                + " " + ctx.request().path())));
        router.errorHandler(405, ctx -> reply(ctx, "other", 405, detail("method " + ctx.request().method()
                + " is not allowed on " + ctx.request().path())));
        router.errorHandler(500, ctx -> reply(ctx, "other", 500, detail("internal error: " + ctx.failure())));
        server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host).setPort(settings.port))
                .requestHandler(router);
        server.listen().await();
    }

    public int port() {
        return server.actualPort();
    }

    /** A request's items for the queue, and how their results become the response. */
    private record Work<T>(List<Callable<T>> items, Function<List<T>, ObjectNode> response) {}

    /** What a route makes of a request body; {@link BadRequest} for a 422. */
    private interface Reader<T> {
        Work<T> read(JsonNode body) throws BadRequest;
    }

    /** {@code paths}: Kimina's spellings of the endpoint; {@code route} names it in the metrics. */
    private <T> void post(Router router, BodyHandler body, List<String> paths, String route, Reader<T> reader) {
        for (String p : paths) {
            // Vert.x reads the body first (at most the limit); the key is checked before the body is parsed
            router.post(p).handler(body).handler(ctx -> {
                ctx.put("t0", System.nanoTime());
                if (authorised(ctx, route)) {
                    serve(ctx, route, reader);
                }
            });
        }
    }

    private boolean authorised(RoutingContext ctx, String route) {
        if (settings.apiKey == null) {
            return true;
        }
        String auth = ctx.request().getHeader("Authorization");
        if (auth == null || auth.isBlank()) {
            reply(ctx, route, 401, detail("Missing API key"));
            return false;
        }
        String token = auth.startsWith("Bearer ") ? auth.substring(7).strip() : auth.strip();
        if (!java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                settings.apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            reply(ctx, route, 401, detail("Invalid API key"));
            return false;
        }
        return true;
    }

    private <T> void serve(RoutingContext ctx, String route, Reader<T> reader) {
        if (stopping) {
            reply(ctx, route, 503, detail("the server is shutting down"));
            return;
        }
        Work<T> work;
        try {
            JsonNode body = JSON.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
            if (body == null || body.isMissingNode()) {
                throw new BadRequest("request: the body is empty; a JSON object is expected");
            }
            work = reader.read(body);
        } catch (JsonProcessingException e) {
            reply(ctx, route, 422, detail("request: not valid JSON: " + e.getOriginalMessage()));
            return;
        } catch (java.io.IOException e) {
            reply(ctx, route, 422, detail("request: could not be read: " + e.getMessage()));
            return;
        } catch (BadRequest e) {
            reply(ctx, route, 422, detail(e.getMessage()));
            return;
        }
        WorkQueue.Batch<T> batch;
        try {
            batch = queue.submit(work.items());
        } catch (WorkQueue.Full e) {
            ctx.response().putHeader("Retry-After", "5");
            reply(ctx, route, 429, detail(e.getMessage()));
            return;
        }
        inFlight.add(batch);
        ctx.response().closeHandler(v -> batch.cancel(new CancellationException("the client went away")));
        Context context = vertx.getOrCreateContext();
        batch.results().whenComplete((results, failure) -> context.runOnContext(v -> {
            inFlight.remove(batch);
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : failure;
            if (cause == null) {
                reply(ctx, route, 200, work.response().apply(results));
            } else if (cause instanceof WorkQueue.Full full) {
                ctx.response().putHeader("Retry-After", "5");
                reply(ctx, route, 429, detail(full.getMessage()));
            } else if (cause instanceof Stopping) {
                reply(ctx, route, 503, detail("the server is shutting down; this request was not finished"));
            } else if (cause instanceof CancellationException) {
                metrics.request(route, 499, System.nanoTime() - (long) ctx.get("t0", System.nanoTime()));
            } else {
                reply(ctx, route, 500, detail(cause.getMessage()));
            }
        }));
    }

    /** Why a request still running when the grace period of {@link #stop} ended was stopped. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("the server is shutting down", null, false, false);
        }
    }

    private static ObjectNode detail(String text) {
        return JSON.createObjectNode().put("detail", text);
    }

    private void reply(RoutingContext ctx, String route, int status, ObjectNode body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        long t0 = ctx.get("t0", System.nanoTime());
        metrics.request(route, status, System.nanoTime() - t0);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    /**
     * Stops taking requests (503), lets those in flight finish within {@code grace}, answers the rest 503 and
     * cancels their work, then closes the port. The pool is the caller's to close.
     */
    public void stop(Duration grace) {
        stopping = true;
        awaitInFlight(grace);
        List.copyOf(inFlight).forEach(b -> b.cancel(new Stopping()));
        awaitInFlight(Duration.ofSeconds(5)); // their 503s are written
        queue.close();
        server.close().await();
        vertx.close().await();
    }

    private void awaitInFlight(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
