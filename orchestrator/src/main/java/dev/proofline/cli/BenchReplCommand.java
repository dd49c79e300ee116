package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRuntime;
import dev.proofline.repl.CommunityRepl;
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
 * {@code proofline bench repl}: tactic-step latency on fixed proof states, command latency through the REPL
 * against the bridge's on the same sample (measured side by side), and the Lean process's memory over many
 * commands with and without dropping. The last line is JSON.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = "Measure proofline repl: tactic steps, commands against bench bridge, memory over many commands.")
final class BenchReplCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Goals and one tactic each that closes or advances it: what a stepwise prover sends. */
    private static final List<String[]> STEPS = List.of(
            new String[] {"theorem s1 (a b : Nat) : a + b = b + a := by sorry", "exact Nat.add_comm a b"},
            new String[] {"theorem s2 (p q : Prop) (hp : p) (hq : q) : p ∧ q := by sorry", "constructor"},
            new String[] {"theorem s3 (n : Nat) : n + 0 = n := by sorry", "rfl"},
            new String[] {"theorem s4 (xs : List Nat) : (xs ++ []).length = xs.length := by sorry", "simp"},
            new String[] {"theorem s5 (p : Prop) : p → p := by sorry", "intro h"},
            new String[] {"theorem s6 (a b : Nat) (h : a ≤ b) : a < b + 1 := by sorry", "omega"});

    @Option(names = "--rounds", defaultValue = "50", description = "Tactic steps per proof state (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--commands", defaultValue = "10000", description = "Commands for the memory measurement "
            + "(default: ${DEFAULT-VALUE}).")
    int commands;

    @Mixin
    RuntimeOptions runtimeOptions;

    @Override
    public Integer call() throws Exception {
        LeanRuntime runtime = runtimeOptions.runtime();
        Lean.prepare(runtime);
        Map<String, Object> json = new LinkedHashMap<>();
        try (CommunityRepl repl = CommunityRepl.builder().runtime(runtime).build()) {
            int base = repl.handle(JSON.readTree("{\"cmd\": \"theorem warm : True := trivial\"}")).get("env").asInt();
            List<Double> steps = tacticSteps(repl, base);
            System.out.printf("tactic step over %d steps: median %.2f ms, p95 %.2f ms%n", steps.size(),
                    percentile(steps, 50), percentile(steps, 95));
            json.put("tactic_median_ms", round(percentile(steps, 50)));
            json.put("tactic_p95_ms", round(percentile(steps, 95)));

            List<String> sample = BenchBridgeCommand.sample();
            List<Double> viaRepl = new ArrayList<>();
            List<Double> viaBridge = new ArrayList<>();
            try (LeanPool pool = Lean.pool().runtime(runtime).workers(1).open()) {
                // in turn, command by command: the machine's speed drifts by 10-20 % within minutes
                for (int r = 0; r < 10; r++) {
                    for (String cmd : sample) {
                        ObjectNode req = JSON.createObjectNode().put("cmd", cmd).put("env", base);
                        long t0 = System.nanoTime();
                        JsonNode reply = repl.handle(req);
                        double repl1 = (System.nanoTime() - t0) / 1e6;
                        t0 = System.nanoTime();
                        pool.check(cmd);
                        double bridge1 = (System.nanoTime() - t0) / 1e6;
                        if (r >= 3) { // the first passes warm both up
                            viaRepl.add(repl1);
                            viaBridge.add(bridge1);
                        }
                        repl.handle(JSON.createObjectNode().set("dropEnvs", JSON.createArrayNode().add(reply.get("env"))));
                    }
                }
            }
            double replMedian = percentile(viaRepl, 50);
            double bridgeMedian = percentile(viaBridge, 50);
            System.out.printf("command over %d proofs: median %.2f ms through the REPL, %.2f ms through the bridge (%.2fx)%n",
                    viaRepl.size(), replMedian, bridgeMedian, replMedian / bridgeMedian);
            json.put("command_median_ms", round(replMedian));
            json.put("bridge_median_ms", round(bridgeMedian));
            json.put("command_vs_bridge", round(replMedian / bridgeMedian));
        }
        for (boolean dropping : new boolean[] {false, true}) {
            try (CommunityRepl repl = CommunityRepl.builder().runtime(runtime).build()) {
                int base = repl.handle(JSON.readTree("{\"cmd\": \"def base := 0\"}")).get("env").asInt();
                long before = repl.leanRssBytes();
                for (int i = 0; i < commands; i++) {
                    JsonNode reply = repl.handle(JSON.createObjectNode()
                            .put("cmd", "theorem t" + i + " : " + i + " + 1 = " + (i + 1) + " := rfl").put("env", base));
                    if (dropping) {
                        repl.handle(JSON.createObjectNode().set("dropEnvs", JSON.createArrayNode().add(reply.get("env"))));
                    }
                }
                long after = repl.leanRssBytes();
                String key = dropping ? "dropping" : "keeping";
                System.out.printf("Lean RSS over %d commands, %s each environment: %d MB -> %d MB%n", commands, key,
                        before >> 20, after >> 20);
                json.put("rss_mb_start_" + key, before >> 20);
                json.put("rss_mb_end_" + key, after >> 20);
            }
        }
        System.out.println(JSON.writeValueAsString(json));
        return 0;
    }

    /** Each proof state of {@link #STEPS} stepped {@code rounds} times with its tactic, after two untimed rounds. */
    private List<Double> tacticSteps(CommunityRepl repl, int env) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (String[] step : STEPS) {
            JsonNode cmd = repl.handle(JSON.createObjectNode().put("cmd", step[0]).put("env", env));
            int state = cmd.get("sorries").get(0).get("proofState").asInt();
            for (int r = 0; r < rounds + 2; r++) {
                ObjectNode req = JSON.createObjectNode().put("tactic", step[1]).put("proofState", state);
                long t0 = System.nanoTime();
                JsonNode reply = repl.handle(req);
                double took = (System.nanoTime() - t0) / 1e6;
                if (!reply.has("proofStatus") || reply.has("messages")) {
                    throw new IllegalStateException("bench tactic failed: " + step[1] + " -> " + reply);
                }
                if (r >= 2) {
                    ms.add(took);
                }
                repl.handle(JSON.createObjectNode().set("dropProofStates",
                        JSON.createArrayNode().add(reply.get("proofState"))));
            }
        }
        Collections.sort(ms);
        return ms;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return BenchBridgeCommand.percentile(sorted, p);
    }
}
