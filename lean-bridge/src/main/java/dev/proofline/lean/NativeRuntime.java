package dev.proofline.lean;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A natively installed {@code lean} (e.g. from elan); it finds its own library. */
public final class NativeRuntime implements LeanRuntime {
    private final Path lean;

    /** {@code lean}: a file, or a bare name looked up on PATH when Lean is started. */
    public NativeRuntime(Path lean) {
        this.lean = lean;
    }

    /** The file to run, checked first: a missing Lean is a set-up problem to name, not an exec failure. */
    private Path executable() throws IOException {
        if (lean.getParent() == null) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(lean);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            throw new IOException("the native runtime needs Lean: no " + lean + " on PATH (install it with elan, "
                    + "or give the path of a lean executable)");
        }
        if (!Files.isRegularFile(lean) || !Files.isExecutable(lean)) {
            throw new IOException("the native runtime needs Lean: " + lean + " is not an executable file");
        }
        return lean;
    }

    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        List<String> args = new ArrayList<>(List.of("--run", replProgram.toString()));
        args.addAll(header);
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(executable().toString()), args), Map.of(), scratchDir);
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(executable().toString()), List.of(leanFile.toString())),
                Map.of(), scratchDir);
    }

    @Override
    public RuntimeInfo describe() throws IOException {
        Path file = executable();
        String out = ExternalCommand.run(List.of(file.toString(), "--version"), Map.of(), Path.of("."),
                Duration.ofMinutes(1));
        return new RuntimeInfo("native", EmbeddedRuntime.leanVersionLine(out), "the lean command " + file);
    }
}
