package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.perSecond;
import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.repl.SnippetCheck;
import dev.proofline.serve.ProoflineServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench serve}: snippets per second through HTTP against the same snippets checked directly on
 * the same pool (measured in turns, as the machine's speed drifts), the latency the HTTP layer adds to a
 * snippet, and the rate when two import headers alternate. The last line is JSON.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Measure proofline serve: HTTP rate against the pool's direct rate, added latency, two headers.")
final class BenchServeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Option(names = "--rounds", defaultValue = "3", description = "Turns of direct and HTTP passes over the sample "
            + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--workers", defaultValue = "2", description = "Lean workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Mixin
    RuntimeOptions runtimeOptions;

    @Override
    public Integer call() throws Exception {
        Lean.prepare(runtimeOptions.runtime());
        List<String> sample = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (String cmd : BenchBridgeCommand.sample()) {
                sample.add(cmd + "\n-- copy " + copy); // no two snippets alike
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("snippets", sample.size());
        json.put("workers", workers);
        try (LeanPool pool = Lean.pool().runtime(runtimeOptions.runtime()).workers(workers).sessions(2 * workers)
                .warmJudges().timeout(Duration.ofSeconds(60)).open()) {
            SnippetCheck direct = new SnippetCheck(pool, ProofChecker.STANDARD_AXIOMS);
            ProoflineServer server = ProoflineServer.builder(pool).port(0).start();
            try {
                String url = "http://127.0.0.1:" + server.port() + "/api/check";
                run(direct, url, sample); // warm-up: V8 optimises the wasm code over the first few hundred
                List<Double> directRates = new ArrayList<>();
                List<Double> httpRates = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    directRates.add(perSecond(sample, workers, code -> check(direct, code)));
                    httpRates.add(httpRate(url, sample));
                }
                double d = median(directRates);
                double h = median(httpRates);
                System.out.printf("direct (SnippetCheck on the pool, %d threads): %.1f snippets/s; over HTTP (%d clients, "
                        + "8 snippets a request): %.1f snippets/s; ratio %.2f (target >= 0.9)%n", workers, d, 2 * workers, h, h / d);
                json.put("direct_per_s", round(d));
                json.put("http_per_s", round(h));
                json.put("http_over_direct", round(h / d));

                List<Double> added = addedLatency(url, sample.subList(0, 64));
                System.out.printf("latency the HTTP layer adds to a one-snippet request: p50 %.2f ms, p99 %.2f ms%n",
                        percentile(added, 50), percentile(added, 99));
                json.put("added_p50_ms", round(percentile(added, 50)));
                json.put("added_p99_ms", round(percentile(added, 99)));

                List<String> std = sample.stream().map(code -> "import Std\n" + code).toList();
                List<String> alternating = new ArrayList<>();
                for (int i = 0; i < sample.size(); i++) {
                    alternating.add(i % 2 == 0 ? sample.get(i) : std.get(i));
                }
                httpRate(url, alternating); // Std's sessions start here
                double stdRate = httpRate(url, std);
                long evicted = pool.stats().evicted();
                double alt = httpRate(url, alternating);
                long evictedDuring = pool.stats().evicted() - evicted;
                // snippets of the two headers alternate: each costs what it costs alone, if nothing thrashes
                double expected = 2 / (1 / h + 1 / stdRate);
                System.out.printf("import Std alone over HTTP: %.1f snippets/s; Init and Std alternating: %.1f snippets/s, "
                        + "%.2f of the %.1f their own rates give; %d sessions evicted while measuring%n", stdRate, alt,
                        alt / expected, expected, evictedDuring);
                json.put("std_per_s", round(stdRate));
                json.put("alternating_per_s", round(alt));
                json.put("alternating_over_own_rates", round(alt / expected));
                json.put("alternating_evictions", evictedDuring);
            } finally {
                server.close();
            }
        }
        System.out.println(JSON.writeValueAsString(json));
        return 0;
    }

    private static void check(SnippetCheck direct, String code) {
        try {
            if (!direct.run(code, Duration.ofSeconds(60), null, true).valid()) {
                throw new IllegalStateException("a sample snippet is not valid: " + code);
            }
        } catch (SnippetCheck.Unavailable e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(SnippetCheck direct, String url, List<String> sample) throws Exception {
        perSecond(sample, workers, code -> check(direct, code));
        httpRate(url, sample);
    }

    /** Snippets per second over HTTP: the sample in requests of 8 from {@code 2 × workers} clients. */
    private double httpRate(String url, List<String> sample) throws Exception {
        List<List<String>> requests = new ArrayList<>();
        for (int i = 0; i < sample.size(); i += 8) {
            requests.add(sample.subList(i, Math.min(sample.size(), i + 8)));
        }
        return perSecond(requests, 2 * workers, batch -> post(url, batch)) * sample.size() / requests.size();
    }

    /** Each snippet alone: the round trip less the check time the server reports. */
    private static List<Double> addedLatency(String url, List<String> sample) {
        List<Double> out = new ArrayList<>();
        for (String code : sample) {
            long t0 = System.nanoTime();
            JsonNode r = post(url, List.of(code));
            double ms = (System.nanoTime() - t0) / 1e6;
            out.add(ms - r.get("results").get(0).get("time").asDouble() * 1000);
        }
        return out;
    }

    private static JsonNode post(String url, List<String> codes) {
        ObjectNode req = JSON.createObjectNode();
        ArrayNode list = req.putArray("snippets");
        for (int i = 0; i < codes.size(); i++) {
            list.addObject().put("id", Integer.toString(i)).put("code", codes.get(i));
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200 || body.get("results").size() != codes.size()) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            for (JsonNode result : body.get("results")) {
                if (!result.at("/judgement/valid").asBoolean()) {
                    throw new IllegalStateException("a sample snippet is not valid: " + result);
                }
            }
            return body;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> xs) {
        return percentile(xs, 50);
    }

    private static double percentile(List<Double> xs, double p) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
