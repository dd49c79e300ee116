package dev.proofline.cli;

import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Nvcc;
import dev.proofline.kernel.ClaimReport;
import dev.proofline.kernel.KernelCandidate;
import dev.proofline.kernel.KernelCatalog;
import dev.proofline.kernel.KernelJudge;
import dev.proofline.kernel.KernelTask;
import dev.proofline.kernel.KernelVerifier;
import dev.proofline.kernel.SavedJudgements;
import dev.proofline.kernel.SpecOracle;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proofline kernel list|verify}: GPU kernel claims, a trusted task and an untrusted candidate. */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "Verified GPU kernels: list the tasks, verify candidates.",
        subcommands = {KernelCommand.ListKernels.class, KernelCommand.Verify.class})
final class KernelCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Name the shipped tasks.")
    static final class ListKernels implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            for (KernelTask t : KernelCatalog.find().tasks()) {
                System.out.println(t.name() + "  " + t.signature() + "  " + t.lean().getParent());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Judge the candidate's proof for the task with check's judge, let Lean decide pre for each shape, "
                    + "emit and compile CUDA, run it on the CPU interpreter against the spec (and a GPU if there is one), "
                    + "print a claim report. Exits 1 when any checked part fails.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--task", required = true, description = "A shipped task's name or a task directory (task.lean + task.json).")
        String task;

        @Option(names = "--candidate", description = "A candidate directory (candidate.lean + candidate.json). "
                + "Default: the task's reference kernel.")
        String candidate;

        @Option(names = "--out", defaultValue = "target/kernels", description = "Where IR, CUDA and PTX go. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--timeout", defaultValue = "300s", converter = Durations.class,
                description = "Lean's wall-clock limit per request. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Option(names = "--time-budget", defaultValue = "1s", converter = Durations.class,
                description = "GPU timing: most time spent sampling one kernel and type. Default: ${DEFAULT-VALUE}.")
        Duration timeBudget;

        @Option(names = "--judged", description = "A directory of saved judgements: Lean's claim and spec outputs are "
                + "read from it when it has them for exactly these files, and saved to it otherwise. A machine without "
                + "Lean (the GPU machine) runs the chain from it.")
        Path judged;

        @Mixin
        RuntimeOptions runtime;

        @Override
        public Integer call() throws Exception {
            KernelCatalog catalog = KernelCatalog.find();
            KernelTask t = catalog.task(task);
            KernelCandidate c = catalog.candidate(candidate == null ? task : candidate);
            Optional<KernelCandidate> baseline = catalog.baseline(t);
            Optional<SavedJudgements> saved = Optional.ofNullable(judged).map(SavedJudgements::new);
            String key = SavedJudgements.key(catalog.language(), t, c);
            Optional<KernelJudge.Claim> claim = saved.isPresent() ? saved.get().claim(key) : Optional.empty();
            Optional<String> baselineKey = baseline.isPresent()
                    ? Optional.of(SavedJudgements.key(catalog.language(), t, baseline.get())) : Optional.empty();
            Optional<KernelJudge.Claim> baselineClaim = saved.isPresent() && baselineKey.isPresent()
                    ? saved.get().claim(baselineKey.get()) : Optional.empty();
            Map<String, Map<String, int[]>> known = saved.isPresent() ? saved.get().specOutputs(key) : Map.of();
            boolean haveAll = claim.isPresent() && baselineClaim.isPresent() == baseline.isPresent();
            Optional<GpuDevice> gpu = GpuDevice.openIfPresent();
            // Lean starts only when something is not saved: the GPU machine has none
            try (LeanPool pool = haveAll ? null : Lean.pool().runtime(runtime.runtime()).workers(1).timeout(timeout).open()) {
                KernelJudge judge = pool == null ? null : new KernelJudge(pool, catalog.language());
                if (claim.isEmpty()) {
                    claim = Optional.of(judge.judge(t, c));
                }
                if (baseline.isPresent() && baselineClaim.isEmpty()) {
                    baselineClaim = Optional.of(judge.judge(t, baseline.get()));
                }
                SpecOracle oracle = judge == null ? SpecOracle.saved(t, known) : judge.oracle(t, known);
                KernelVerifier verifier = new KernelVerifier(out.toAbsolutePath(), Nvcc.find(), gpu,
                        GpuTiming.Plan.DEFAULT.withBudget(timeBudget));
                ClaimReport r = verifier.verify(t, claim.get(), baselineClaim, oracle);
                r.print(System.out);
                if (saved.isPresent()) {
                    saved.get().save(key, claim.get());
                    if (baselineClaim.isPresent()) {
                        saved.get().save(baselineKey.get(), baselineClaim.get());
                    }
                    saved.get().saveSpecOutputs(key, oracle.answers());
                }
                return r.failed() ? 1 : 0;
            } finally {
                gpu.ifPresent(GpuDevice::close);
            }
        }
    }
}
