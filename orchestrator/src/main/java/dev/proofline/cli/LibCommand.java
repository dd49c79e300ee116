package dev.proofline.cli;

import dev.proofline.lean.EmbeddedRuntime;
import dev.proofline.lean.LeanProject;
import dev.proofline.lean.ProjectLibrary;
import dev.proofline.lean.ProoflineCache;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code proofline lib build DIR}: a Lake project's own sources compiled by the embedded Lean, ahead of a run. */
@Command(name = "lib", mixinStandardHelpOptions = true, description = "Lean libraries for the embedded runtime.",
        subcommands = LibCommand.Build.class)
final class LibCommand {
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Compile a Lake project's own .lean sources (and those of its packages under .lake/packages/) "
                    + "with the embedded Lean into the cache, in dependency order, once per content hash; "
                    + "--project DIR then lets headers import them. A project that needs Mathlib is refused.")
    static final class Build implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", converter = RuntimeOptions.ProjectConverter.class, description = "The Lake project.")
        LeanProject project;

        @Option(names = "--cache-dir", description = "Where the embedded runtime is installed "
                + "(default: $PROOFLINE_CACHE, else ~/.cache/proofline).")
        Path cacheDir;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            ProjectLibrary lib = new EmbeddedRuntime(cacheDir != null ? cacheDir.toAbsolutePath() : ProoflineCache.defaultDir())
                    .buildLibrary(project);
            System.out.printf("%s %d modules of %s into %s%s%n", lib.compiled() ? "compiled" : "already compiled:",
                    lib.modules().size(), project.dir(), lib.dir(),
                    lib.compiled() ? String.format(" in %.1f s", (System.nanoTime() - start) / 1e9) : "");
            return 0;
        }
    }
}
