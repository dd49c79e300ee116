package dev.proofline.lean;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The REPL program ({@code lean/repl/}: {@code Repl.lean}, and {@code Main.lean}, which runs it precompiled),
 * shipped inside this jar and copied into the cache under its own hash, read-only, so every runtime runs
 * exactly the files that were tested and proof text cannot change them.
 */
public final class ReplProgram {
    private static final String RESOURCES = "/dev/proofline/lean/repl/";
    static final String SOURCE = "Repl.lean";
    static final String MAIN = "Main.lean";
    static final List<String> FILES = List.of(SOURCE, MAIN);

    private ReplProgram() {}

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReplProgram.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the REPL program's " + RESOURCES + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    /** Returns the path of {@code Repl.lean} in a directory of its own under {@code cacheDir}, beside {@code Main.lean}. */
    public static Path materialise(Path cacheDir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Hasher hash = Hashing.sha256().newHasher();
        for (String file : FILES) {
            files.put(file, resource(file));
            hash.putBytes(files.get(file));
        }
        Path dir = cacheDir.resolve("repl").resolve(hash.hash().toString().substring(0, 16));
        publish(dir, staged -> {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staged.resolve(file.getKey()), file.getValue());
            }
        });
        return dir.resolve(SOURCE);
    }

    /**
     * Fills a directory once: {@code fill} writes into a fresh one beside it, which then takes its name. Such
     * fresh ones an hour old are left over from a process killed while filling (a fill takes under a minute)
     * and are removed.
     */
    static void publish(Path dir, Filler fill) throws IOException {
        if (Files.exists(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        String partial = dir.getFileName() + ".partial";
        Instant abandoned = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                if (p.getFileName().toString().startsWith(partial)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(abandoned)) {
                    WasmInstaller.deleteTree(p);
                }
            }
        }
        Path tmp = Files.createTempDirectory(dir.getParent(), partial);
        try {
            fill.into(tmp);
            WasmInstaller.makeReadOnly(tmp);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(dir)) { // not lost to another process filling it at the same time
                throw e;
            }
        } finally {
            if (Files.exists(tmp)) {
                WasmInstaller.deleteTree(tmp);
            }
        }
    }

    @FunctionalInterface
    interface Filler {
        void into(Path dir) throws IOException;
    }
}
