package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The WebAssembly Lean from npm, run by the Node 24 from npm; installed on first use. */
public final class EmbeddedRuntime implements LeanRuntime {
    /**
     * Node's flags: V8's stack limit of the main thread raised from ~1 MB to the 4 MB its worker threads
     * get, for the kernel's deep reductions there (the REPL elaborates on the main thread; see
     * {@link LeanJsPatch}). Well under the 8 MB main-thread stack of Linux's default limit.
     */
    static final List<String> NODE_FLAGS = List.of("--stack-size=4000");

    private static final Object COMPILING = new Object();

    private final Path cacheDir;
    private final WasmInstaller installer;
    /** The Lake project whose modules sessions may import, or null. */
    private final LeanProject project;
    /** Its compiled modules, found or compiled once: every session of a run imports the same ones. */
    private volatile ProjectLibrary library;

    public EmbeddedRuntime(Path cacheDir) {
        this(cacheDir, null);
    }

    /** Sessions may import {@code project}'s own modules, compiled by this Lean into the cache on first use. */
    public EmbeddedRuntime(Path cacheDir, LeanProject project) {
        this.cacheDir = cacheDir;
        this.installer = new WasmInstaller(cacheDir, EmbeddedRuntime::progress);
        this.project = project;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public WasmInstaller.Installation install() throws IOException {
        return installer.ensureInstalled();
    }

    @Override
    public void prepare(Path replProgram) throws IOException {
        precompiled(install(), replProgram);
        projectPath();
    }

    /**
     * Compiles {@code project}'s sources with this Lean into the cache, in dependency order, unless sources of the
     * same content were compiled before ({@code proofline lib build}).
     */
    public ProjectLibrary buildLibrary(LeanProject project) throws IOException {
        WasmInstaller.Installation inst = install();
        synchronized (COMPILING) {
            ProjectLibrary lib = ProjectLibrary.build(project, cacheDir, inst,
                    (root, out, args, scratch) -> node(inst, args, List.of(out), List.of(root), scratch));
            if (lib.compiled()) {
                progress("Compiled " + lib.modules().size() + " modules of " + project.dir() + " into " + lib.dir());
            }
            return lib;
        }
    }

    /** The project's compiled modules, which sessions import from: none without a project. */
    @Override
    public List<Path> projectPath() throws IOException {
        if (project == null) {
            return List.of();
        }
        if (library == null) {
            library = buildLibrary(project);
        }
        return List.of(library.dir());
    }

    /** {@code lean --run Main.lean header…} over the precompiled program, which Lean finds on its path. */
    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        WasmInstaller.Installation inst = install();
        Path compiled = precompiled(inst, replProgram);
        List<String> args = new ArrayList<>(List.of("--run", compiled.resolve(ReplProgram.MAIN).toString()));
        args.addAll(header);
        List<Path> path = new ArrayList<>(List.of(compiled));
        path.addAll(projectPath());
        return node(inst, args, path, List.of(), scratchDir);
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        return node(install(), List.of(leanFile.toString()), List.of(), List.of(leanFile.getParent()), scratchDir);
    }

    /**
     * The REPL program compiled by this Lean ({@code Repl.olean}, beside its sources), once per program and
     * installation. Elaborating {@code Repl.lean} at every start took ~7 s of the wasm Lean's ~14 s to ready.
     */
    private Path precompiled(WasmInstaller.Installation inst, Path replProgram) throws IOException {
        Path source = replProgram.getParent();
        Path dir = source.resolveSibling(source.getFileName() + "-" + inst.dir().getFileName());
        synchronized (COMPILING) {
            if (!Files.exists(dir)) {
                progress("Compiling the REPL program for the embedded Lean (once, about a minute)");
                ReplProgram.publish(dir, staged -> compile(inst, source, staged));
            }
        }
        return dir;
    }

    private void compile(WasmInstaller.Installation inst, Path source, Path into) throws IOException {
        Path scratch = Files.createTempDirectory("proofline-compile");
        try {
            ReplProgram.compile(source, into, args -> node(inst, args, List.of(into), List.of(), scratch));
        } finally {
            WasmInstaller.deleteTree(scratch);
        }
    }

    /**
     * {@code node lean.js LEAN_FLAGS args…}. Lean sees only these host directories: its own (it looks itself up at
     * start), the library, the directories it imports from besides ({@code path}) or reads its input from
     * ({@code visible}; all read-only but a directory being compiled into), and the scratch dir.
     */
    private LeanLaunch node(WasmInstaller.Installation inst, List<String> args, List<Path> path, List<Path> visible,
            Path scratchDir) {
        List<String> cmd = LeanRuntime.leanCommand(nodeCommand(inst.node().toString(), inst.leanJs().toString()), args);
        List<Path> leanPath = new ArrayList<>(List.of(inst.library()));
        leanPath.addAll(path);
        List<Path> seen = new ArrayList<>(List.of(inst.leanJs().getParent()));
        seen.addAll(leanPath);
        seen.addAll(visible);
        seen.add(scratchDir);
        String mounts = String.join(":", seen.stream().map(Path::toString).toList());
        return new LeanLaunch(cmd, Map.of("LEAN_PATH", String.join(":", leanPath.stream().map(Path::toString).toList()),
                "PROOFLINE_MOUNTS", mounts,
                "NODE_COMPILE_CACHE", cacheDir.resolve("node-compile-cache").toString()), scratchDir);
    }

    private static void progress(String msg) {
        System.err.println("[proofline] " + msg);
    }

    /** {@code first NODE_FLAGS lean.js}: with Node's path first, the command that is the embedded Lean. */
    static List<String> nodeCommand(String first, String leanJs) {
        List<String> cmd = new ArrayList<>(List.of(first));
        cmd.addAll(NODE_FLAGS);
        cmd.add(leanJs);
        return cmd;
    }

    @Override
    public RuntimeInfo describe() throws IOException {
        WasmInstaller.Installation inst = install();
        String out = ExternalCommand.run(List.of(inst.node().toString(), inst.leanJs().toString(), "--version"),
                Map.of("PROOFLINE_MOUNTS", inst.dir().toString()), inst.dir(), Duration.ofMinutes(2), false);
        return new RuntimeInfo("embedded", leanVersionLine(out),
                WasmInstaller.LEAN_PACKAGE + " + " + WasmInstaller.NODE_PACKAGE + " from npm, in " + inst.dir());
    }

    /** The {@code Lean (version …)} line among the build's debug chatter. */
    static String leanVersionLine(String output) {
        return output.lines().filter(l -> l.startsWith("Lean (version")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Lean version line in: " + output)).strip();
    }
}
