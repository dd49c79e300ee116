package dev.proofline.lean;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The REPL program ({@code lean/repl/Repl.lean}), shipped inside this jar and copied into the cache under
 * its own hash, read-only, so every runtime runs exactly the file that was tested and proof text cannot
 * change it.
 */
public final class ReplProgram {
    private static final String RESOURCE = "/dev/proofline/lean/repl/Repl.lean";

    private ReplProgram() {}

    private static byte[] source() throws IOException {
        try (InputStream in = ReplProgram.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the REPL program " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    /** Returns the path of {@code Repl.lean} in a directory of its own under {@code cacheDir}. */
    public static Path materialise(Path cacheDir) throws IOException {
        byte[] bytes = source();
        String hash = Hashing.sha256().hashBytes(bytes).toString().substring(0, 16);
        Path dir = cacheDir.resolve("repl").resolve(hash);
        Path file = dir.resolve("Repl.lean");
        if (!Files.exists(file)) {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), hash + ".partial");
            Files.write(tmp.resolve("Repl.lean"), bytes);
            WasmInstaller.makeReadOnly(tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(file)) {
                    throw raced;
                }
            }
        }
        return file;
    }
}
