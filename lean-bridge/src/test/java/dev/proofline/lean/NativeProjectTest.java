package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import dev.proofline.check.Candidate;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Problem;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native runtime's project handling, run for real with no native Lean installed: the embedded Lean is
 * presented as a native toolchain ({@code TOOLCHAIN/bin/lean}, a script running node and the wasm Lean with
 * lean's own command line, answering {@code --print-prefix}), reached through an elan-like proxy that picks the
 * toolchain the project's {@code lean-toolchain} names. The project has no {@code lake} beside its toolchain, so
 * its search path is the one read from the Lake layout; its {@code .olean} files are the embedded build's, laid out
 * where {@code lake build} writes them.
 */
class NativeProjectTest {
    /** elan's directory name for the project's {@code leanprover/lean4:v4.28.0-rc1}. */
    static final String TOOLCHAIN = "leanprover--lean4---v4.28.0-rc1";

    @TempDir
    static Path dir;
    static LeanProject project;
    static Path toolchainLean;
    static NativeRuntime runtime;
    static LeanPool pool;
    static ProofChecker checker;

    @BeforeAll
    static void open() throws IOException {
        project = TallyProject.write(dir.resolve("tally"));
        layOutAsLakeBuildWould(new EmbeddedRuntime(ProoflineCache.defaultDir()).buildLibrary(project));
        toolchainLean = toolchain();
        Path proxy = dir.resolve("elan/bin/lean");
        executable(proxy, "#!/bin/sh\n# elan's proxy, as far as Proofline relies on it: the toolchain lean-toolchain names\n"
                + "exec \"" + toolchainLean.getParent().getParent().getParent()
                + "/$(sed -e 's|/|--|; s|:|---|' lean-toolchain)/bin/lean\" \"$@\"\n");
        runtime = new NativeRuntime(proxy, project);
        pool = Lean.pool().runtime(runtime).header(List.of("Tally")).workers(1).timeout(Duration.ofSeconds(60)).open();
        checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Each package's modules into its {@code .lake/build/lib/lean}. */
    private static void layOutAsLakeBuildWould(ProjectLibrary lib) throws IOException {
        Map<String, Path> roots = new java.util.HashMap<>();
        for (LeanProject.Source s : project.sources()) {
            roots.put(s.module().replace('.', '/'), s.root());
        }
        try (Stream<Path> files = Files.walk(lib.dir())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = lib.dir().relativize(f).toString();
                String module = rel.substring(0, rel.indexOf('.', rel.lastIndexOf('/') + 1));
                Path to = roots.get(module).resolve(".lake/build/lib/lean").resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }

    /**
     * {@code CACHE/test-elan-HASH/toolchains/TOOLCHAIN/bin/lean}: the embedded Lean with a native lean's command
     * line. Kept at a path of its content, so that the REPL program compiled for it is reused across runs.
     */
    private static Path toolchain() throws IOException {
        WasmInstaller.Installation inst = new EmbeddedRuntime(ProoflineCache.defaultDir()).install();
        String script = """
                #!/bin/sh
                # The embedded Lean as a native toolchain's lean: --print-prefix answers the toolchain's directory; the
                # library comes first on LEAN_PATH, as a native lean finds its own; Lean sees the LEAN_PATH
                # directories (each once: a directory cannot be mounted twice), not the working directory,
                # where the wasm build would leave a default.profraw.
                prefix=$(cd "$(dirname "$0")/.." && pwd)
                if [ "$1" = --print-prefix ]; then echo "$prefix"; exit 0; fi
                mounts="LEANJS_DIR:LIB"
                IFS=:
                for d in $LEAN_PATH; do
                  case ":$mounts:" in *":$d:"*) ;; *) [ -d "$d" ] && mounts="$mounts:$d" ;; esac
                done
                unset IFS
                LEAN_PATH="LIB${LEAN_PATH:+:$LEAN_PATH}" PROOFLINE_MOUNTS="$mounts" exec NODE --stack-size=4000 LEANJS "$@"
                """.replace("LEANJS_DIR", inst.leanJs().getParent().toString()).replace("LIB", inst.library().toString())
                .replace("NODE", inst.node().toString()).replace("LEANJS", inst.leanJs().toString());
        String hash = Hashing.sha256().hashString(script, StandardCharsets.UTF_8).toString().substring(0, 12);
        Path lean = ProoflineCache.defaultDir().resolve("test-elan-" + hash + "/toolchains/" + TOOLCHAIN + "/bin/lean");
        if (!Files.exists(lean)) {
            executable(lean, script);
        }
        return lean;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theProjectsToolchainRunsWithTheSearchPathOfItsLakeLayout() throws IOException {
        RuntimeInfo info = runtime.describe();
        assertTrue(info.leanVersion().startsWith("Lean (version 4.28.0"), info.toString());
        assertTrue(info.origin().startsWith("the lean command " + toolchainLean), "elan's choice for the project: " + info);
        assertTrue(info.origin().endsWith("(lean-toolchain: leanprover/lean4:v4.28.0-rc1)"), info.toString());
        List<Path> path = runtime.projectPath();
        assertEquals(List.of(project.dir().resolve(".lake/packages/counting/.lake/build/lib/lean"),
                project.dir().resolve(".lake/build/lib/lean")), path);
        assertEquals(List.of("Counting.Basic", "Tally", "Tally.Basic", "Tally.Sum"), LeanProject.modulesIn(path));
        Path main = Path.of(runtime.launch(Lean.prepare(runtime), List.of("Tally"), dir).command().stream()
                .filter(a -> a.endsWith(ReplProgram.MAIN)).findFirst().orElseThrow());
        assertTrue(main.getParent().getFileName().toString().contains("-native-"), "compiled for this toolchain: " + main);
        assertTrue(Files.exists(main.resolveSibling("Repl.olean")), main.toString());
    }

    @Test
    void problemsImportTheProjectAndAreJudged() {
        Problem twice = new Problem("twice", List.of("Tally"), null,
                "theorem double_is_twice (n : Nat) : Tally.double n = Counting.twice n", null, List.of());
        Verdict honest = checker.check(twice, new Candidate("twice", null, "Tally.double_eq_twice n", null), "c");
        assertEquals(Verdict.Kind.accepted, honest.verdict(), honest.toString());
        Verdict cheat = checker.check(twice, new Candidate("twice", null, "sorry", null), "c");
        assertEquals(Verdict.Kind.rejected, cheat.verdict(), cheat.toString());
        Verdict missing = checker.check(new Problem("missing", List.of("Tally.Missing"), null, "theorem t : True", null,
                List.of()), new Candidate("missing", null, "trivial", null), "c");
        assertEquals(Verdict.Kind.invalid, missing.verdict(), missing.toString());
        assertTrue(missing.reasons().get(0).contains("Tally.Missing"), missing.reasons().toString());
    }

    @Test
    void aReplProgramTheToolchainCannotCompileIsNamedInOneLineWithItsVersion(@TempDir Path tmp) throws IOException {
        Path source = Files.createDirectories(tmp.resolve("repl").resolve("broken"));
        ReplProgram.copy(ReplProgram.materialise(tmp.resolve("cache")).getParent(), source);
        Files.writeString(source.resolve("Repl/Util.lean"), "module\npublic def main : IO Unit := noSuchThing\n");
        IOException e = assertThrows(IOException.class,
                () -> new NativeRuntime(toolchainLean).prepare(source.resolve(ReplProgram.MAIN)));
        assertTrue(e.getMessage().startsWith("the REPL program does not compile with Lean (version 4.28.0"), e.getMessage());
        assertTrue(e.getMessage().contains("Lean could not compile the REPL program's Repl/Util.lean: "), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown identifier `noSuchThing`"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
