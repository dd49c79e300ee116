package dev.proofline.cli;

import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.serve.ProoflineServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proofline serve}: the verification service, until it is stopped (Ctrl-C or SIGTERM: a graceful stop). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"A verification service: Kimina Lean Server's API (POST /api/check, the legacy POST /verify) "
                + "with Proofline's judgement of each snippet's theorems, Proofline's own POST /check (problems and "
                + "candidates -> verdicts as check gives them), GET /health and GET /metrics (Prometheus).",
                "Exit codes: 0 after a stop, 1 when Lean or the port cannot be had, 2 on a usage error."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    LeanOptions lean;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, "
            + "this machine only; 0.0.0.0 for every interface, with --api-key).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}, Kimina's).")
    int port;

    @Option(names = "--api-key", defaultValue = "${env:PROOFLINE_API_KEY}", description = "A key each check must carry "
            + "as 'Authorization: Bearer KEY' (default: $PROOFLINE_API_KEY, else none).")
    String apiKey;

    @Option(names = "--sessions", description = "Warm Lean sessions kept per role, elaborating and judging (default: "
            + "2 × workers, so that two import headers taking turns each keep one per worker; about 1 GB each).")
    Integer sessions;

    @Option(names = "--queue", defaultValue = "1024", description = "Snippets or candidates that may wait for a worker; "
            + "a request that would overfill the queue gets 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--max-wait", defaultValue = "10m", converter = Durations.class, description = "The longest a "
            + "snippet may wait for a worker before its request gets 429 (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(names = "--max-body", defaultValue = "32m", converter = RuntimeOptions.SizeConverter.class,
            description = "Largest request body; a larger one gets 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--plain", description = "Kimina's own verdicts by default (no error and no sorry), without "
            + "Proofline's judgement; a request's \"judge\": true still asks for it.")
    boolean plain;

    @Option(names = "--allow-axiom", description = "Axioms an accepted theorem may use (default: propext, "
            + "Classical.choice, Quot.sound), as for check.")
    List<String> allowedAxioms;

    @Override
    public Integer call() throws Exception {
        if (queue < 1) {
            System.err.println("proofline serve: --queue must be at least 1, got " + queue);
            return 2;
        }
        if (port < 0 || port > 65535) {
            System.err.println("proofline serve: --port must be 0 to 65535, got " + port);
            return 2;
        }
        if (apiKey == null && !List.of("127.0.0.1", "localhost", "::1").contains(host)) {
            System.err.println("proofline serve: warning: listening on " + host + " without --api-key: anyone who can "
                    + "reach it can run Lean here");
        }
        Lean.PoolBuilder builder = lean.builder();
        builder.sessions(sessions != null ? Math.max(sessions, 1) : 2 * builder.workers()).warmJudges();
        System.err.println("Starting Lean…");
        try (LeanPool pool = builder.open()) {
            ProoflineServer server;
            try {
                server = ProoflineServer.builder(pool).host(host).port(port).apiKey(apiKey).queueCapacity(queue)
                        .maxWait(maxWait).maxBodyBytes(maxBody).maxTimeout(lean.timeout).judge(!plain)
                        .allowedAxioms(allowedAxioms == null ? ProofChecker.STANDARD_AXIOMS : Set.copyOf(allowedAxioms))
                        .start();
            } catch (RuntimeException e) {
                System.err.println("proofline serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.println("Stopping: finishing the requests in flight (up to 30 s)…");
                server.stop(Duration.ofSeconds(30));
                pool.close(); // before the JVM halts, so no Lean process outlives it
                stopped.countDown();
            }));
            System.err.println("Serving on http://" + host + ":" + server.port() + " with " + pool.workers()
                    + " Lean workers: POST /api/check, /verify, /check; GET /health, /metrics. Ctrl-C stops.");
            stopped.await();
        }
        return 0;
    }
}
