package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories of the cache are filled once, appear whole and read-only, and leave no debris. */
class ReplProgramTest {
    @TempDir
    Path cache;

    @Test
    void theProgramIsCopiedOnceUnderItsHashReadOnly() throws IOException {
        Path repl = ReplProgram.materialise(cache);
        assertEquals(repl, ReplProgram.materialise(cache));
        assertTrue(Files.readString(repl.resolveSibling("Repl.lean")).contains("public def main"));
        assertEquals("import Repl", Files.readString(repl).lines()
                .filter(l -> l.startsWith("import")).findFirst().orElseThrow());
        assertFalse(Files.getPosixFilePermissions(repl).contains(PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void aFailedFillLeavesNothingAndAnAbandonedOneIsRemovedButNotOneUnderWay() throws IOException {
        Path dir = cache.resolve("repl").resolve("x");
        IOException e = assertThrows(IOException.class, () -> ReplProgram.publish(dir, staged -> {
            Files.writeString(staged.resolve("half"), "");
            throw new IOException("Lean failed");
        }));
        assertEquals("Lean failed", e.getMessage());
        assertEquals(List.of(), list(dir.getParent()));

        Path abandoned = Files.createDirectories(dir.resolveSibling("x.partial123"));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path underWay = Files.createDirectories(dir.resolveSibling("x.partial456"));
        ReplProgram.publish(dir, staged -> Files.writeString(staged.resolve("whole"), ""));
        assertEquals(List.of(dir, underWay), list(dir.getParent()));
        assertTrue(Files.exists(dir.resolve("whole")));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
