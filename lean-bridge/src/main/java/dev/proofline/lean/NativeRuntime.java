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
    public void prepare(Path replProgram) throws IOException {
        precompiled(replProgram);
    }

    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        Path compiled = precompiled(replProgram);
        List<String> args = new ArrayList<>(List.of("--run", compiled.resolve(ReplProgram.MAIN).toString()));
        args.addAll(header);
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(executable().toString()), args),
                Map.of("LEAN_PATH", compiled.toString()), scratchDir);
    }

    /**
     * The REPL program compiled by this {@code lean}, beside a copy of its sources, once per program and per
     * executable (its path and modification time name the toolchain).
     */
    private Path precompiled(Path replProgram) throws IOException {
        Path lean = executable().toRealPath();
        String toolchain = com.google.common.hash.Hashing.sha256().hashString(lean + "@"
                + Files.getLastModifiedTime(lean).toMillis(), java.nio.charset.StandardCharsets.UTF_8).toString();
        Path source = replProgram.getParent();
        Path dir = source.resolveSibling(source.getFileName() + "-native-" + toolchain.substring(0, 12));
        ReplProgram.publish(dir, into -> ReplProgram.compile(source, into, args -> new LeanLaunch(LeanRuntime.leanCommand(List.of(lean.toString()), args),
                    Map.of("LEAN_PATH", into.toString()), into)));
        return dir;
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
