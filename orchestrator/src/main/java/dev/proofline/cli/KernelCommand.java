package dev.proofline.cli;

import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.GpuTiming;
import dev.proofline.gpu.Nvcc;
import dev.proofline.kernel.ClaimReport;
import dev.proofline.kernel.KernelCatalog;
import dev.proofline.kernel.KernelProver;
import dev.proofline.kernel.KernelSource;
import dev.proofline.kernel.KernelVerifier;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code proofline kernel list|verify}: GPU kernel claims. */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "Verified GPU kernels: list them, verify claims.",
        subcommands = {KernelCommand.ListKernels.class, KernelCommand.Verify.class})
final class KernelCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Name the shipped kernels.")
    static final class ListKernels implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            for (KernelSource k : KernelCatalog.find().shipped()) {
                System.out.println(k.name() + "  " + k.lean());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the proof with Lean, emit and compile CUDA, run it on the CPU interpreter (and a GPU "
                    + "if there is one), print a claim report. Exits 1 when any checked part fails.")
    static final class Verify implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "Shipped kernel names or kernel directories (<name>/<name>.lean + claim.json).")
        List<String> kernels;

        @Option(names = "--out", defaultValue = "target/kernels", description = "Where IR, CUDA and PTX go. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--timeout", defaultValue = "300s", converter = Durations.class,
                description = "Lean's wall-clock limit per kernel. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Option(names = "--time-budget", defaultValue = "1s", converter = Durations.class,
                description = "GPU timing: most time spent sampling one kernel and type. Default: ${DEFAULT-VALUE}.")
        Duration timeBudget;

        @Mixin
        RuntimeOptions runtime;

        @Override
        public Integer call() throws Exception {
            KernelCatalog catalog = KernelCatalog.find();
            List<KernelSource> sources = new ArrayList<>();
            for (String k : kernels) {
                sources.add(catalog.resolve(k));
            }
            Map<String, KernelProver.Proof> proofs;
            try (LeanPool pool = Lean.pool().runtime(runtime.runtime()).workers(1).timeout(timeout).open()) {
                proofs = new KernelProver(pool, timeout).prove(catalog.language(), sources);
            }
            boolean failed = false;
            Optional<GpuDevice> gpu = GpuDevice.openIfPresent();
            try {
                KernelVerifier verifier = new KernelVerifier(out.toAbsolutePath(), Nvcc.find(), gpu,
                        GpuTiming.Plan.DEFAULT.withBudget(timeBudget));
                for (KernelSource k : sources) {
                    ClaimReport r = verifier.verify(k, proofs.get(k.name()));
                    r.print(System.out);
                    System.out.println();
                    failed |= r.failed();
                }
            } finally {
                gpu.ifPresent(GpuDevice::close);
            }
            return failed ? 1 : 0;
        }
    }
}
