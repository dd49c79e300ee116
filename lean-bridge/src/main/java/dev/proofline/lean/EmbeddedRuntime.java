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

    public EmbeddedRuntime(Path cacheDir) {
        this.cacheDir = cacheDir;
        this.installer = new WasmInstaller(cacheDir, EmbeddedRuntime::progress);
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
    }

    /** {@code lean --run Main.lean header…} over the precompiled program, which Lean finds on its path. */
    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        WasmInstaller.Installation inst = install();
        Path compiled = precompiled(inst, replProgram);
        List<String> args = new ArrayList<>(List.of("--run", compiled.resolve(ReplProgram.MAIN).toString()));
        args.addAll(header);
        return node(inst, args, compiled, true, scratchDir);
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        return node(install(), List.of(leanFile.toString()), leanFile.getParent(), false, scratchDir);
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
            ReplProgram.compile(source, into, args -> node(inst, args, into, true, scratch));
        } finally {
            WasmInstaller.deleteTree(scratch);
        }
    }

    /**
     * {@code node lean.js LEAN_FLAGS args…}. Lean sees only these host directories: its own (it looks itself up at
     * start), the library, the directory it reads its input from (read-only but when compiling into it), and
     * the scratch dir. It imports from the library, and from the input directory if {@code importsInput}.
     */
    private LeanLaunch node(WasmInstaller.Installation inst, List<String> args, Path input, boolean importsInput,
            Path scratchDir) {
        List<String> cmd = LeanRuntime.leanCommand(nodeCommand(inst.node().toString(), inst.leanJs().toString()), args);
        String mounts = String.join(":", inst.leanJs().getParent().toString(), inst.library().toString(),
                input.toString(), scratchDir.toString());
        String leanPath = importsInput ? inst.library() + ":" + input : inst.library().toString();
        return new LeanLaunch(cmd, Map.of("LEAN_PATH", leanPath, "PROOFLINE_MOUNTS", mounts,
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
