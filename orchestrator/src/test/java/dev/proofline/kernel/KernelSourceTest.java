package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing claim.json, without Lean: the optional baseline and its bad values. */
class KernelSourceTest {
    static KernelSource claim(Path root, String extra) throws IOException {
        Path dir = Files.createDirectories(root.resolve("k"));
        Files.writeString(dir.resolve("k.lean"), "");
        Files.writeString(dir.resolve("claim.json"), "{\"namespace\": \"K\", \"shapes\": [{\"n\": 4}]" + extra + "}");
        return KernelSource.load(dir);
    }

    @Test
    void baselineIsOptional(@TempDir Path root) throws IOException {
        assertFalse(claim(root, "").baseline());
        assertTrue(claim(root, ", \"baseline\": true").baseline());
    }

    @Test
    void badBaselineIsNamedInTheError(@TempDir Path root) {
        for (String bad : new String[] {"1", "\"vec_add\"", "null"}) {
            IOException e = assertThrows(IOException.class, () -> claim(root, ", \"baseline\": " + bad));
            assertEquals(root.resolve("k/claim.json") + ": \"baseline\" must be true or false, got " + bad, e.getMessage());
        }
    }
}
