package dev.proofline.lean;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A natively installed {@code lean} (e.g. from elan); it finds its own library. With a Lake project, the
 * project's toolchain (the one {@code lean --print-prefix} names when run in the project, which is the one elan
 * chooses from its {@code lean-toolchain}) runs with the search path {@code lake env} gives.
 */
public final class NativeRuntime implements LeanRuntime {
    private final Path lean;
    private final LeanProject project;
    /** The toolchain's lean and search path, found once. */
    private volatile Toolchain toolchain;

    private record Toolchain(Path lean, List<Path> path) {}

    /** {@code lean}: a file, or a bare name looked up on PATH when Lean is started. */
    public NativeRuntime(Path lean) {
        this(lean, null);
    }

    /** {@code lean} (as above) as elan resolves it in {@code project}, or null for no project. */
    public NativeRuntime(Path lean, LeanProject project) {
        this.lean = lean;
        this.project = project;
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

    /**
     * Without a project, the {@code lean} given. With one, {@code PREFIX/bin/lean} where {@code PREFIX} is what that
     * {@code lean --print-prefix} prints in the project's directory (elan's proxy answers for the project's
     * toolchain), and the search path of {@code PREFIX/bin/lake env} there, else, with no {@code lake} beside
     * it, the one {@link LeanProject#searchPath} reads from the layout as Lake would.
     */
    private Toolchain toolchain() throws IOException {
        Toolchain t = toolchain;
        if (t != null) {
            return t;
        }
        Path file = executable();
        if (project == null) {
            t = new Toolchain(file, List.of());
        } else {
            Path prefix = Path.of(lastLine(List.of(file.toString(), "--print-prefix"), Duration.ofMinutes(5)));
            Path own = prefix.resolve("bin/lean");
            Path chosen = Files.isExecutable(own) ? own : file;
            Path lake = prefix.resolve("bin/lake");
            List<Path> path = Files.isExecutable(lake)
                    ? splitPath(lastLine(List.of(lake.toString(), "env", "printenv", "LEAN_PATH"), Duration.ofMinutes(10)))
                    : project.searchPath();
            t = new Toolchain(chosen, path);
        }
        toolchain = t;
        return t;
    }

    /**
     * The last line {@code command} prints in the project (what elan or Lake say on the way, e.g. while installing a
     * toolchain, comes before it); a failure in one line.
     */
    private String lastLine(List<String> command, Duration limit) throws IOException {
        String out;
        try {
            out = ExternalCommand.run(command, Map.of(), project.dir(), limit);
        } catch (IOException e) {
            throw new IOException("--project " + project.dir() + ": " + e.getMessage().lines().findFirst().orElse("")
                    + " " + e.getMessage().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                            .reduce((a, b) -> b).orElse(""), e);
        }
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
    }

    private static List<Path> splitPath(String path) {
        return java.util.Arrays.stream(path.split(File.pathSeparator)).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    @Override
    public List<Path> projectPath() throws IOException {
        return toolchain().path();
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
        List<String> path = new ArrayList<>(List.of(compiled.toString()));
        toolchain().path().forEach(p -> path.add(p.toString()));
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(toolchain().lean().toString()), args),
                Map.of("LEAN_PATH", String.join(File.pathSeparator, path)), scratchDir);
    }

    /**
     * The REPL program compiled by this {@code lean}, beside a copy of its sources, once per program and per
     * executable (its path and modification time name the toolchain). A toolchain it does not compile with is
     * named in one line with its version and Lean's first error.
     */
    private Path precompiled(Path replProgram) throws IOException {
        Path lean = toolchain().lean().toRealPath();
        String toolchain = com.google.common.hash.Hashing.sha256().hashString(lean + "@"
                + Files.getLastModifiedTime(lean).toMillis(), java.nio.charset.StandardCharsets.UTF_8).toString();
        Path source = replProgram.getParent();
        Path dir = source.resolveSibling(source.getFileName() + "-native-" + toolchain.substring(0, 12));
        try {
            ReplProgram.publish(dir, into -> ReplProgram.compile(source, into, args -> new LeanLaunch(
                    LeanRuntime.leanCommand(List.of(lean.toString()), args), Map.of("LEAN_PATH", into.toString()), into)));
        } catch (IOException e) {
            throw new IOException("the REPL program does not compile with " + version(lean) + " (" + lean + "): "
                    + e.getMessage(), e);
        }
        return dir;
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(toolchain().lean().toString()), List.of(leanFile.toString())),
                Map.of(), scratchDir);
    }

    /** {@code lean --version}'s line; it is the first Lean run of {@code describe}, so it reports a missing Lean too. */
    private static String version(Path lean) throws IOException {
        return EmbeddedRuntime.leanVersionLine(ExternalCommand.run(List.of(lean.toString(), "--version"), Map.of(),
                Path.of("."), Duration.ofMinutes(1), false));
    }

    @Override
    public RuntimeInfo describe() throws IOException {
        Path file = toolchain().lean();
        return new RuntimeInfo("native", version(file), "the lean command " + file
                + (project == null ? "" : ", the toolchain of " + project.dir()
                        + project.toolchain().map(t -> " (lean-toolchain: " + t + ")").orElse("")));
    }
}
