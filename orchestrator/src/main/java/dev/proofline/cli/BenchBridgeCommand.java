package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.perSecond;
import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import dev.proofline.lean.LeanRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench bridge}: cold start, warm latency, throughput with 1 and 2 workers, and memory
 * of the Lean bridge, on a fixed sample of proofs of different tactics. The last line is JSON.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Measure the Lean bridge: start-up, per-proof latency, throughput, memory.")
final class BenchBridgeCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "10", description = "Passes over the sample per measurement (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "30", description = "Untimed passes over the sample before measuring; "
            + "V8 optimises a fresh process's wasm code in the background for its first ~1,000 proofs, making them "
            + "slower and taking CPU from a busy neighbour (a session serves 10,000). Each of two workers also gets "
            + "as many as the one worker's timed latency passes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Mixin
    RuntimeOptions runtimeOptions;

    @Override
    public Integer call() throws Exception {
        List<String> sample = sample();
        LeanRuntime runtime = runtimeOptions.runtime();
        Lean.prepare(runtime); // installs and precompiles first: one-time work is not start-up

        long t0 = System.nanoTime();
        double readyS;
        List<Double> latencies = new ArrayList<>();
        try (LeanPool one = Lean.pool().runtime(runtime).workers(1).open()) {
            readyS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("cold start to ready: %.1f s%n", readyS);
            verify(one, sample);
            warmUp(one, sample, 1, warmup);
            for (int r = 0; r < rounds; r++) {
                for (String cmd : sample) {
                    long s = System.nanoTime();
                    one.check(cmd);
                    latencies.add((System.nanoTime() - s) / 1e6);
                }
            }
        }
        Collections.sort(latencies);
        double median = percentile(latencies, 50);
        double p95 = percentile(latencies, 95);
        System.out.printf("warm latency over %d proofs: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                latencies.size(), median, p95, latencies.get(latencies.size() - 1));

        double perS1;
        double perS2;
        long rssMb;
        try (LeanPool two = Lean.pool().runtime(runtime).workers(2).open()) {
            verify(two, sample);
            // each worker as warm as the one above when its latency was measured: V8 still speeds Lean
            // up after the warm-up passes, and a fresher pair would understate two workers
            warmUp(two, sample, 2, 2 * (warmup + rounds));
            // one and two requests in flight, pass by pass in turn: this machine's speed drifts by 10-20%
            // within minutes, which would show in the ratio if each were measured in one stretch
            Busy one = new Busy(0, 0);
            Busy both = new Busy(0, 0);
            for (int r = 0; r < rounds; r++) {
                one = one.plus(inFlight(two, sample, 1));
                both = both.plus(inFlight(two, sample, 2));
            }
            perS1 = one.perSecond();
            perS2 = both.perSecond();
            rssMb = two.idleRss().stream().mapToLong(Long::longValue).max().orElse(0) >> 20;
        }
        System.out.printf("throughput, 1 worker busy: %.1f proofs/s%n", perS1);
        System.out.printf("throughput, 2 workers: %.1f proofs/s (%.2fx one worker)%n", perS2, perS2 / perS1);
        System.out.printf("RSS per worker: %d MB%n", rssMb);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ready_s", round(readyS));
        json.put("median_ms", round(median));
        json.put("p95_ms", round(p95));
        json.put("per_s_1", round(perS1));
        json.put("per_s_2", round(perS2));
        json.put("rss_mb", rssMb);
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    /** Every proof of the sample must be accepted, or the numbers would measure error paths. */
    private static void verify(LeanPool pool, List<String> sample) {
        for (String cmd : sample) {
            LeanResult r = pool.check(cmd);
            if (!r.isOk() || r.hasErrors()) {
                throw new IllegalStateException("bench proof failed: " + cmd + " -> " + r.status() + " " + r.messages()
                        + (r.detail() == null ? "" : " " + r.detail()));
            }
        }
    }

    /** Sends the sample {@code n} times from {@code threads} threads, untimed. */
    private static void warmUp(LeanPool pool, List<String> sample, int threads, int n) throws Exception {
        List<String> work = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            work.addAll(sample);
        }
        perSecond(work, threads, cmd -> pool.send(LeanRequest.of(cmd)));
    }

    /** Proofs answered in a stretch of time during which a fixed number of requests were in flight. */
    private record Busy(long answered, long nanos) {
        Busy plus(Busy b) {
            return new Busy(answered + b.answered, nanos + b.nanos);
        }

        double perSecond() {
            return answered / (nanos / 1e9);
        }
    }

    /**
     * Each of {@code threads} threads sends the whole sample, all starting together; counts the proofs
     * answered until the first thread is done. From then on fewer requests are in flight, so the rest of the
     * slower threads' passes (a few per cent of a pass) does not measure {@code threads} in flight.
     */
    private static Busy inFlight(LeanPool pool, List<String> sample, int threads) throws Exception {
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<long[]>> passes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                passes.add(exec.submit(() -> {
                    long[] answeredAt = new long[sample.size()];
                    for (int i = 0; i < sample.size(); i++) {
                        pool.send(LeanRequest.of(sample.get(i)));
                        answeredAt[i] = System.nanoTime();
                    }
                    return answeredAt;
                }));
            }
            List<long[]> times = new ArrayList<>();
            for (Future<long[]> f : passes) {
                times.add(f.get());
            }
            long firstDone = times.stream().mapToLong(a -> a[a.length - 1]).min().orElseThrow();
            long answered = times.stream().flatMapToLong(Arrays::stream).filter(t -> t <= firstDone).count();
            return new Busy(answered, firstDone - t0);
        } finally {
            exec.shutdownNow();
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static List<String> sample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> cmds = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BenchBridgeCommand.class.getResourceAsStream("/bench/bridge-sample.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    cmds.add(json.readTree(line).get("cmd").asText());
                }
            }
        }
        return cmds;
    }
}
