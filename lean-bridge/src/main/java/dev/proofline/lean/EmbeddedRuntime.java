package dev.proofline.lean;

import java.io.IOException;
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

    private final Path cacheDir;
    private final WasmInstaller installer;

    public EmbeddedRuntime(Path cacheDir) {
        this.cacheDir = cacheDir;
        this.installer = new WasmInstaller(cacheDir, msg -> System.err.println("[proofline] " + msg));
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public WasmInstaller.Installation install() throws IOException {
        return installer.ensureInstalled();
    }

    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        List<String> args = new ArrayList<>(List.of("--run", replProgram.toString()));
        args.addAll(header);
        return node(args, List.of(replProgram.getParent()), scratchDir);
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        return node(List.of(leanFile.toString()), List.of(leanFile.getParent()), scratchDir);
    }

    /**
     * {@code node lean.js LEAN_FLAGS args…}. Lean sees only these host directories: its own (it looks itself up at
     * start), the library, the directories it reads its input from (read-only), and the scratch dir.
     */
    private LeanLaunch node(List<String> args, List<Path> inputs, Path scratchDir) throws IOException {
        WasmInstaller.Installation inst = install();
        List<String> cmd = LeanRuntime.leanCommand(nodeCommand(inst.node().toString(), inst.leanJs().toString()), args);
        List<String> mounts = new ArrayList<>(List.of(inst.leanJs().getParent().toString(), inst.library().toString()));
        inputs.forEach(dir -> mounts.add(dir.toString()));
        mounts.add(scratchDir.toString());
        return new LeanLaunch(cmd, Map.of("LEAN_PATH", inst.library().toString(), "PROOFLINE_MOUNTS",
                String.join(":", mounts), "NODE_COMPILE_CACHE", cacheDir.resolve("node-compile-cache").toString()),
                scratchDir);
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
