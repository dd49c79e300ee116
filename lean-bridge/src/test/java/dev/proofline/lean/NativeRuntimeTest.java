package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user without a native Lean sees: the reason, not an exec failure from inside the process
 * launcher. (No native Lean can be installed where Proofline is built: NativeProjectTest runs the embedded one
 * behind a native command line.)
 */
class NativeRuntimeTest {
    @Test
    void aLeanMissingFromPathIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> new NativeRuntime(Path.of("proofline-no-such-lean")).describe());
        assertEquals("the native runtime needs Lean: no proofline-no-such-lean on PATH (install it with elan, "
                + "or give the path of a lean executable)", e.getMessage());
    }

    @Test
    void aPathThatIsNotAnExecutableIsNamedAndThePoolDoesNotOpen(@TempDir Path dir) throws IOException {
        Path notLean = Files.writeString(dir.resolve("lean"), "not a program");
        IOException e = assertThrows(IOException.class,
                () -> Lean.pool().runtime(new NativeRuntime(notLean)).workers(1).open());
        assertTrue(e.getMessage().endsWith(notLean + " is not an executable file"), e.getMessage());
        assertThrows(IOException.class, () -> new NativeRuntime(dir.resolve("absent")).launchFile(notLean, dir));
    }

    @Test
    void aToolchainThatCannotBeHadForAProjectIsNamedInOneLine(@TempDir Path dir) throws IOException {
        Path elan = Files.writeString(dir.resolve("lean"), "#!/bin/sh\necho 'info: syncing channel updates' >&2\n"
                + "echo \"error: toolchain 'leanprover/lean4:v4.28.0-rc1' is not installed\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(elan, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        LeanProject project = TallyProject.write(dir.resolve("tally"));
        IOException e = assertThrows(IOException.class, () -> new NativeRuntime(elan, project).describe());
        assertEquals("--project " + project.dir() + ": " + elan + " --print-prefix exited with 1: error: toolchain "
                + "'leanprover/lean4:v4.28.0-rc1' is not installed", e.getMessage());
    }
}
