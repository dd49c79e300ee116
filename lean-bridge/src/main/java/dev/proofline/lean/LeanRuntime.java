package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Lean process is started. Every runtime runs the same REPL program and speaks the same JSON
 * protocol; they differ only in where Lean comes from.
 */
public interface LeanRuntime {

    /**
     * Lean's flags for every process: one worker thread, and a file's declarations checked in order on it
     * instead of in extra async tasks. Each extra thread of the wasm build costs ~2 s to start and ~0.3 GB;
     * without async tasks the REPL program elaborates with one (when compiled, or run from source), 5 s
     * sooner and 0.7 GB smaller.
     */
    List<String> LEAN_FLAGS = List.of("-j1", "-DElab.async=false");

    /** {@code lean…} (the command that is Lean), then {@link #LEAN_FLAGS}, then {@code args}. */
    static List<String> leanCommand(List<String> lean, List<String> args) {
        List<String> cmd = new ArrayList<>(lean);
        cmd.addAll(LEAN_FLAGS);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Does the one-time work before this REPL program's first start (installing Lean, precompiling the
     * program, building an image), so that starting sessions afterwards is only that. {@link #launch} does
     * it too when it was not done.
     */
    default void prepare(Path replProgram) throws IOException {}

    /** Makes the runtime ready (preparing it if needed) and says how to start the REPL. */
    LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException;

    /**
     * How to elaborate one Lean file in a fresh process, as a checker without a REPL would: the baseline
     * {@code proofline bench check} compares against.
     */
    LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException;

    /**
     * The directories of a Lake project's compiled modules that sessions import from besides the runtime's own
     * library, in order (as the runtime sees them): none unless the runtime was given a project.
     */
    default List<Path> projectPath() throws IOException {
        return List.of();
    }

    /** Which Lean this is, its version, and where it came from. */
    RuntimeInfo describe() throws IOException;

    /** The WebAssembly Lean installed from npm into Proofline's cache: the default. */
    static LeanRuntime embedded() {
        return new EmbeddedRuntime(ProoflineCache.defaultDir());
    }

    /** A {@code lean} on PATH, as users with elan have. */
    static LeanRuntime nativeLean() {
        return new NativeRuntime(Path.of("lean"));
    }

    /** Lean in a locked-down Docker container, by default the lean-wasm image, built on first use. */
    static ContainerRuntime container() {
        return new ContainerRuntime(ProoflineCache.defaultDir());
    }
}
