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
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

        @Mixin
        RuntimeOptions runtime;

        @Override
        public Integer call() throws Exception {
            KernelCatalog catalog = KernelCatalog.find();
            KernelTask t = catalog.task(task);
            KernelCandidate c = catalog.candidate(candidate == null ? task : candidate);
            Optional<KernelCandidate> baseline = catalog.baseline(t);
            Optional<GpuDevice> gpu = GpuDevice.openIfPresent();
            try (LeanPool pool = Lean.pool().runtime(runtime.runtime()).workers(1).timeout(timeout).open()) {
                KernelJudge judge = new KernelJudge(pool, catalog.language());
                KernelJudge.Claim claim = judge.judge(t, c);
                Optional<KernelJudge.Claim> baselineClaim = baseline.isPresent()
                        ? Optional.of(judge.judge(t, baseline.get())) : Optional.empty();
                KernelVerifier verifier = new KernelVerifier(out.toAbsolutePath(), Nvcc.find(), gpu,
                        GpuTiming.Plan.DEFAULT.withBudget(timeBudget));
                ClaimReport r = verifier.verify(t, claim, baselineClaim, judge.oracle(t));
                r.print(System.out);
                return r.failed() ? 1 : 0;
            } finally {
                gpu.ifPresent(GpuDevice::close);
            }
        }
    }
}
