package dev.proofline.lean;

import java.nio.file.Path;

/** Where Proofline keeps what it installs: {@code $PROOFLINE_CACHE}, else the user's cache directory. */
public final class ProoflineCache {
    private ProoflineCache() {}

    public static Path defaultDir() {
        String explicit = System.getenv("PROOFLINE_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("proofline").toAbsolutePath();
    }
}
