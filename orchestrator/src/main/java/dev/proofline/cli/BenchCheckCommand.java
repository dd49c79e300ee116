package dev.proofline.cli;

import static dev.proofline.cli.BenchCommand.perSecond;
import static dev.proofline.cli.BenchCommand.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.Candidate;
import dev.proofline.check.Problem;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench check}: candidates per second through the whole checker (policy parse,
 * elaboration and export, judgement in a judge session) with 1 and 2 workers, against the naive way of
 * starting one Lean process per candidate. The last line is JSON.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measure proof checking on a sample: 1 and 2 workers against one Lean process per candidate.")
final class BenchCheckCommand implements Callable<Integer> {
    @Option(names = "--problems", defaultValue = "problems/samples/basic/problems.jsonl",
            description = "Problems (default: ${DEFAULT-VALUE}).")
    Path problems;

    @Option(names = "--candidates", defaultValue = "problems/samples/basic/candidates.jsonl",
            description = "Candidates (default: ${DEFAULT-VALUE}).")
    Path candidates;

    @Option(names = "--naive", defaultValue = "3",
            description = "Candidates timed with one fresh Lean process each, to extrapolate from (default: ${DEFAULT-VALUE}).")
    int naive;

    @Mixin
    RuntimeOptions runtimeOptions;

    record Work(Problem problem, Candidate candidate, String id) {}

    @Override
    public Integer call() throws Exception {
        ProblemSet set = ProblemSet.read(problems);
        List<Work> work = new ArrayList<>();
        for (BatchCheck.Job job : BatchCheck.jobs(candidates, set)) {
            if (job.invalid() == null) {
                work.add(new Work(set.byId().get(job.problem()), job.candidate(), job.candidateId()));
            }
        }
        LeanRuntime runtime = runtimeOptions.runtime();
        Lean.prepare(runtime); // installs and precompiles first, so that one-time work is not measured
        System.out.printf("sample: %d candidates of %d problems%n", work.size(), set.byId().size());

        double perS1 = throughput(runtime, work, 1);
        System.out.printf("checker, 1 worker: %.1f candidates/s%n", perS1);
        double perS2 = throughput(runtime, work, 2);
        System.out.printf("checker, 2 workers: %.1f candidates/s (%.2fx one worker)%n", perS2, perS2 / perS1);

        double naiveS = naiveSecondsPerCandidate(runtime, work.subList(0, Math.min(naive, work.size())));
        System.out.printf("naive, one Lean process per candidate: %.1f s each = %.3f candidates/s%n", naiveS, 1 / naiveS);
        System.out.printf("speed-up: %.0fx with 1 worker, %.0fx with 2 workers%n", perS1 * naiveS, perS2 * naiveS);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("candidates", work.size());
        json.put("per_s_1", round(perS1));
        json.put("per_s_2", round(perS2));
        json.put("naive_s_per_candidate", round(naiveS));
        json.put("speedup_1", round(perS1 * naiveS));
        json.put("speedup_2", round(perS2 * naiveS));
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    /** A warm-up pass (V8 optimises the wasm code over a process's first proofs), then a timed pass. */
    private static double throughput(LeanRuntime runtime, List<Work> work, int workers) throws Exception {
        try (LeanPool pool = Lean.pool().runtime(runtime).workers(workers).open()) {
            ProofChecker checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
            Consumer<Work> check = w -> checker.check(w.problem(), w.candidate(), w.id());
            perSecond(work, workers, check);
            return perSecond(work, workers, check);
        }
    }

    /** Each candidate written out as a file and elaborated by a fresh Lean, as a checker without a REPL does. */
    private static double naiveSecondsPerCandidate(LeanRuntime runtime, List<Work> sample) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "proofline-naive-");
        double total = 0;
        for (Work w : sample) {
            Problem p = w.problem();
            String text = (p.preamble().isEmpty() ? "" : p.preamble() + "\n\n") + w.candidate().submission(p) + "\n";
            Path file = Files.writeString(dir.resolve(w.id().replaceAll("[^A-Za-z0-9_]", "_") + ".lean"), text,
                    StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            runtime.launchFile(file, dir).runToEnd(Duration.ofMinutes(5));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("  naive %s: %.1f s%n", w.id(), s);
            total += s;
        }
        return total / sample.size();
    }
}
