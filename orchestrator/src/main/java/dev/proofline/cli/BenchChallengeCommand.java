package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.batch.ChallengeCheck;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench challenge}: a challenge file of N theorems checked against its solution, against what
 * {@code lean} takes for the solution file once. The last line is JSON.
 */
@Command(name = "challenge", mixinStandardHelpOptions = true,
        description = "Measure check --challenge on a generated file of N theorems against lean on the file once.")
final class BenchChallengeCommand implements Callable<Integer> {
    @Option(names = "--theorems", defaultValue = "30", description = "Theorems in the challenge (default: ${DEFAULT-VALUE}).")
    int theorems;

    @Mixin
    RuntimeOptions runtimeOptions;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "proofline-challenge-");
        Path challenge = Files.writeString(dir.resolve("Challenge.lean"), file(theorems, false));
        Path solution = Files.writeString(dir.resolve("Solution.lean"), file(theorems, true));
        LeanRuntime runtime = runtimeOptions.runtime();
        Lean.prepare(runtime); // installs and precompiles first, so that one-time work is not measured
        System.out.printf("challenge: %d theorems, %d lines%n", theorems, Files.readAllLines(challenge).size());

        long t0 = System.nanoTime();
        runtime.launchFile(solution, dir).runToEnd(Duration.ofMinutes(10));
        double leanOnce = (System.nanoTime() - t0) / 1e9;
        System.out.printf("lean on the solution file once (a fresh process): %.1f s%n", leanOnce);

        try (LeanPool pool = Lean.pool().runtime(runtime).workers(1).open()) {
            ProofChecker checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
            String body = dev.proofline.batch.LeanFile.parse(Files.readString(solution)).body();
            pool.send(List.of("Init"), LeanRequest.of(body), pool.requestTimeout()); // V8 warms up on the first
            long e0 = System.nanoTime();
            pool.send(List.of("Init"), LeanRequest.of(body), pool.requestTimeout());
            double warmElaboration = (System.nanoTime() - e0) / 1e9;
            System.out.printf("the solution elaborated once in a warm session: %.1f s%n", warmElaboration);

            run(checker, challenge, solution, dir.resolve("warm-up.jsonl"));
            long c0 = System.nanoTime();
            List<Verdict> verdicts = run(checker, challenge, solution, dir.resolve("results.jsonl"));
            double checked = (System.nanoTime() - c0) / 1e9;
            long accepted = verdicts.stream().filter(v -> v.verdict() == Verdict.Kind.accepted).count();
            double perTheorem = (checked - warmElaboration) / theorems;
            System.out.printf("check --challenge, warm: %.1f s for %d verdicts (%d accepted)%n", checked, verdicts.size(), accepted);
            System.out.printf("beyond the one elaboration: %.3f s per theorem (policy parse, export, judge)%n", perTheorem);
            System.out.printf("one check per theorem would elaborate the file %d times: about %.0f s warm%n", theorems,
                    theorems * warmElaboration);

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("theorems", theorems);
            json.put("lean_once_s", round(leanOnce));
            json.put("warm_elaboration_s", round(warmElaboration));
            json.put("check_s", round(checked));
            json.put("judge_s_per_theorem", round(perTheorem));
            json.put("accepted", accepted);
            System.out.println(new ObjectMapper().writeValueAsString(json));
            return accepted == theorems ? 0 : 1;
        }
    }

    private static List<Verdict> run(ProofChecker checker, Path challenge, Path solution, Path out) throws Exception {
        return ChallengeCheck.read(challenge, solution, checker, 1).run(out, n -> {}, v -> {});
    }

    /** N theorems about a definition of the file, with their proofs or with {@code sorry}. */
    static String file(int n, boolean proved) {
        StringBuilder b = new StringBuilder("def triple (n : Nat) : Nat := n + n + n\n\n");
        for (int i = 0; i < n; i++) {
            b.append("theorem triple_").append(i).append(" (a b : Nat) (h : a ≤ b) : triple a + ").append(i)
                    .append(" ≤ triple b + ").append(i).append(" * (a + 1) := by\n")
                    .append(proved ? "  unfold triple\n  omega\n\n" : "  sorry\n\n");
        }
        return b.toString();
    }
}
