package dev.proofline.cli;

import dev.proofline.gpu.CudaDriver;
import dev.proofline.gpu.GpuDevice;
import dev.proofline.gpu.Nvcc;
import dev.proofline.lean.ContainerRuntime;
import dev.proofline.lean.LeanProject;
import dev.proofline.lean.RuntimeInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Reports the Lean runtime in use, its version and where it came from, and what else Proofline can use
 * here — Docker, nvcc, a GPU — each with what is missing and how to get it.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show which Lean runtime is used, its version and where it came from (installs it if needed), "
                + "with --project the search path and modules a header may import, "
                + "and whether Docker, nvcc and a GPU are there.")
final class DoctorCommand implements Callable<Integer> {
    private static final int SHOWN_MODULES = 20;

    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        RuntimeInfo info = runtime.runtime().describe();
        System.out.println("runtime: " + info.runtime());
        System.out.println("lean:    " + info.leanVersion());
        System.out.println("origin:  " + info.origin());
        if (runtime.project != null) {
            List<Path> path = runtime.runtime().projectPath();
            List<String> modules = LeanProject.modulesIn(path);
            System.out.println("project: " + runtime.project.dir()
                    + runtime.project.toolchain().map(t -> " (lean-toolchain: " + t + ")").orElse(""));
            System.out.println("path:    " + path.stream().map(Path::toString).collect(Collectors.joining(":")));
            // Mathlib alone has thousands: the first few say enough
            String shown = String.join(", ", modules.subList(0, Math.min(SHOWN_MODULES, modules.size())))
                    + (modules.size() > SHOWN_MODULES ? ", …" : "");
            System.out.println("modules: " + (modules.isEmpty() ? "none found on that path (for the native runtime, "
                    + "run lake build in the project first)" : modules.size() + ": " + shown));
        }
        System.out.println("java:    " + System.getProperty("java.version") + " (" + Runtime.getRuntime().availableProcessors()
                + " cores)");
        System.out.println("docker:  " + docker());
        System.out.println("nvcc:    " + Nvcc.find().map(n -> n.version() + " (" + n.executable() + ")")
                .orElse("not found: kernel verify makes no PTX; install the CUDA toolkit (nvcc on PATH or in /usr/local/cuda/bin)"));
        System.out.println("gpu:     " + gpu());
        return 0;
    }

    private static String docker() {
        try {
            return ContainerRuntime.engine();
        } catch (IOException e) {
            return "not usable: " + e.getMessage() + "; --runtime container needs Docker (e.g. Debian's docker.io, dockerd running)";
        }
    }

    private static String gpu() {
        return CudaDriver.unavailable().map(why -> why + "; kernel verify checks kernels on the CPU interpreter only")
                .orElseGet(() -> {
                    try (GpuDevice device = GpuDevice.open()) {
                        return device.info().describe();
                    }
                });
    }
}
