package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed embedded runtime: verified, patched once, library read-only, the REPL program precompiled. */
class EmbeddedInstallTest {
    static WasmInstaller.Installation inst;

    @BeforeAll
    static void install() throws IOException {
        inst = new EmbeddedRuntime(ProoflineCache.defaultDir()).install();
    }

    @Test
    void leanJsCarriesThePatchAndPatchingAgainChangesNothing() throws IOException {
        assertTrue(LeanJsPatch.isPatched(inst.leanJs()));
        String patched = Files.readString(inst.leanJs(), StandardCharsets.UTF_8);
        assertEquals(patched, LeanJsPatch.patch(patched));
        assertTrue(patched.contains("PROOFLINE_MOUNTS"));
        assertFalse(patched.contains("FS.mount(NODEFS,{root:\"/home\"},\"/home\")"), "all of /home must not be mounted");
        assertTrue(patched.contains("ProoflineReads.call(funcIndex,callArgs)"), "worker threads read the library directly");
        assertTrue(patched.length() < 2_000_000, "unused export mirrors are dropped: " + patched.length() + " chars");
        assertTrue(patched.contains("_malloc=Module[\"_malloc\"]=wasmExports[\"malloc\"]"), "exports JS uses are kept");
    }

    @Test
    void anUnknownLeanJsIsRefused() {
        IOException e = assertThrows(IOException.class, () -> LeanJsPatch.patch("var Module = {};"));
        assertTrue(e.getMessage().contains("refusing to patch"), e.getMessage());
    }

    @Test
    void theLibraryIsReadOnlyAndComplete() throws IOException {
        Path init = inst.library().resolve("Init.olean");
        assertTrue(Files.exists(init));
        assertFalse(Files.getPosixFilePermissions(init).contains(PosixFilePermission.OWNER_WRITE));
        assertFalse(Files.getPosixFilePermissions(inst.library()).contains(PosixFilePermission.OWNER_WRITE));
        try (var s = Files.list(inst.library().resolve("Init"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("._")), "macOS metadata files are skipped");
        }
    }

    @Test
    void sessionsRunTheReplProgramPrecompiledFromAReadOnlyDirectory(@TempDir Path scratch) throws IOException {
        EmbeddedRuntime runtime = new EmbeddedRuntime(ProoflineCache.defaultDir());
        Path repl = Lean.prepare(runtime);
        LeanLaunch launch = runtime.launch(repl, List.of("Init"), scratch);
        Path main = Path.of(launch.command().get(launch.command().indexOf("--run") + 1));
        assertEquals(ReplProgram.MAIN, main.getFileName().toString());
        Path compiled = main.getParent();
        for (String module : ReplProgram.MODULES) {
            assertTrue(Files.exists(compiled.resolve(module + ".olean")), module + " compiled beside its sources");
            assertEquals(Files.readString(repl.resolveSibling(module + ".lean")),
                    Files.readString(compiled.resolve(module + ".lean")));
        }
        assertFalse(Files.getPosixFilePermissions(compiled).contains(PosixFilePermission.OWNER_WRITE));
        assertTrue(launch.environment().get("LEAN_PATH").endsWith(":" + compiled), "Lean imports Repl from there");
        assertEquals(compiled, runtime.launch(repl, List.of("Init"), scratch).command().stream()
                .filter(a -> a.endsWith(ReplProgram.MAIN)).map(a -> Path.of(a).getParent()).findFirst().orElseThrow(),
                "compiled once, then reused");
    }

    @Test
    void aReplProgramLeanCannotCompileIsRefusedWithLeansErrors(@TempDir Path dir) throws IOException {
        Path source = Files.createDirectories(dir.resolve("repl").resolve("broken"));
        Path program = ReplProgram.materialise(dir.resolve("cache")).getParent();
        ReplProgram.copy(program, source);
        Files.writeString(source.resolve("Repl/Util.lean"), "module\npublic def main : IO Unit := noSuchThing\n");
        EmbeddedRuntime runtime = new EmbeddedRuntime(ProoflineCache.defaultDir());
        IOException e = assertThrows(IOException.class, () -> runtime.prepare(source.resolve(ReplProgram.MAIN)));
        assertTrue(e.getMessage().contains("could not compile the REPL program's Repl/Util.lean"), e.getMessage());
        assertTrue(e.getMessage().contains("noSuchThing"), e.getMessage());
        assertFalse(e.getMessage().contains("[DEBUG"), "the build's debug chatter is left out: " + e.getMessage());
        try (var left = Files.list(source.getParent())) {
            assertEquals(List.of(source), left.toList(), "nothing half-compiled is left behind");
        }
    }

    @Test
    void doctorReportsTheLeanVersion() throws IOException {
        RuntimeInfo info = new EmbeddedRuntime(ProoflineCache.defaultDir()).describe();
        assertEquals("embedded", info.runtime());
        assertTrue(info.leanVersion().startsWith("Lean (version 4.28.0"), info.leanVersion());
    }
}
