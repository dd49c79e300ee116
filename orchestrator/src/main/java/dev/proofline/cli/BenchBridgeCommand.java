package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.perSecond;
import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.lean.ClasspathResource;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import dev.proofline.lean.LeanRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
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
            long[] oneNanos = new long[1];
            long[] twoNanos = new long[2];
            for (int r = 0; r < rounds; r++) {
                timePass(two, sample, oneNanos);
                timePass(two, sample, twoNanos);
            }
            perS1 = summedRate(oneNanos, rounds * sample.size());
            perS2 = summedRate(twoNanos, rounds * sample.size());
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

    /**
     * Each of {@code nanos.length} threads sends the whole sample, all starting together, and adds the time
     * its own pass took to its slot. Each thread's own time, not the time until all are done: the threads
     * finish a few per cent apart, and the slower one's remainder, with fewer requests in flight, is not a
     * measurement of them all in flight.
     */
    private static void timePass(LeanPool pool, List<String> sample, long[] nanos) throws Exception {
        List<Integer> threads = IntStream.range(0, nanos.length).boxed().toList();
        perSecond(threads, nanos.length, t -> {
            long start = System.nanoTime();
            sample.forEach(cmd -> pool.send(LeanRequest.of(cmd)));
            nanos[t] += System.nanoTime() - start; // read after perSecond has waited for every thread
        });
    }

    /** The threads' proofs per second together: each thread answered {@code proofsEach} in its own time. */
    private static double summedRate(long[] nanos, int proofsEach) {
        return Arrays.stream(nanos).mapToDouble(n -> proofsEach / (n / 1e9)).sum();
    }

    static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static List<String> sample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> cmds = new ArrayList<>();
        for (String line : ClasspathResource.text("/bench/bridge-sample.jsonl").lines().toList()) {
            if (!line.isBlank()) {
                cmds.add(json.readTree(line).get("cmd").asText());
            }
        }
        return cmds;
    }
}
