package dev.proofline.cli;

import dev.proofline.lean.RuntimeInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Reports the Lean runtime in use, its version and where it came from. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show which Lean runtime is used, its version and where it came from (installs it if needed).")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        RuntimeInfo info = runtime.runtime().describe();
        System.out.println("runtime: " + info.runtime());
        System.out.println("lean:    " + info.leanVersion());
        System.out.println("origin:  " + info.origin());
        System.out.println("java:    " + System.getProperty("java.version") + " (" + Runtime.getRuntime().availableProcessors()
                + " cores)");
        return 0;
    }
}
