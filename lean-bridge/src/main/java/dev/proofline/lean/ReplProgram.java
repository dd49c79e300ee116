package dev.proofline.lean;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The REPL program ({@code lean/repl/}: the modules of {@code Repl/}, {@code Repl.lean}, which imports them,
 * and {@code Main.lean}, which runs them precompiled), shipped inside this jar and copied into the cache
 * under its own hash, read-only, so every runtime runs exactly the files that were tested and proof text
 * cannot change them.
 */
public final class ReplProgram {
    private static final String RESOURCES = "/dev/proofline/lean/repl/";
    /** The list of modules ({@code lean/repl/modules}), which the Dockerfiles read too. */
    static final String MODULE_LIST = "modules";
    /** The modules, each after those it imports: the order they are compiled in. */
    static final List<String> MODULES = moduleList();
    static final String MAIN = "Main.lean";
    static final List<String> FILES = Stream.concat(Stream.of(MODULE_LIST, MAIN), MODULES.stream().map(m -> m + ".lean"))
            .toList();

    private ReplProgram() {}

    private static List<String> moduleList() {
        try {
            return new String(resource(MODULE_LIST), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        return ClasspathResource.bytes(RESOURCES + name);
    }

    /** Returns the path of {@code Main.lean} in a directory of its own under {@code cacheDir}, beside the modules. */
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
                Path to = staged.resolve(file.getKey());
                Files.createDirectories(to.getParent());
                Files.write(to, file.getValue());
            }
        });
        return dir.resolve(MAIN);
    }

    /** Copies the program's files from {@code source} (a materialised program) into {@code into}. */
    static void copy(Path source, Path into) throws IOException {
        for (String file : FILES) {
            Files.createDirectories(into.resolve(file).getParent());
            Files.copy(source.resolve(file), into.resolve(file));
        }
    }

    /**
     * Copies the program from {@code source} into {@code dir} and compiles it there into {@code .olean} files
     * beside the sources, module by module: {@code lean} gives the command that runs Lean on arguments with
     * {@code dir} on its search path.
     */
    static void compile(Path source, Path dir, java.util.function.Function<List<String>, LeanLaunch> lean)
            throws IOException {
        copy(source, dir);
        for (String module : MODULES) {
            // --root: a module's name, Repl.Util, is its file's path relative to it
            compileModule(lean.apply(List.of("--root=" + dir, "-o", dir.resolve(module + ".olean").toString(),
                    dir.resolve(module + ".lean").toString())), dir.resolve(module + ".olean"), "the REPL program's " + module + ".lean");
        }
    }

    /**
     * Runs one {@code lean -o olean …} to its end; Lean writes no {@code .olean} for a file with errors, which is
     * then refused in one line naming {@code what} and Lean's first error.
     */
    static void compileModule(LeanLaunch launch, Path olean, String what) throws IOException {
        String out = launch.runToEnd(Duration.ofMinutes(10));
        if (!Files.exists(olean)) {
            throw new IOException("Lean could not compile " + what + ": " + firstError(out));
        }
    }

    /** Lean's first error message, its lines joined into one; else the output's last line (a crash, a missing import). */
    static String firstError(String out) {
        List<String> lines = out.lines().filter(l -> !l.startsWith("[DEBUG") && !l.isBlank()).toList();
        Pattern message = Pattern.compile("^\\S.*:\\d+:\\d+: (error|warning|info)");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^\\S.*:\\d+:\\d+: error.*")) {
                StringBuilder b = new StringBuilder(lines.get(i).strip());
                for (int j = i + 1; j < lines.size() && !message.matcher(lines.get(j)).find(); j++) {
                    b.append(' ').append(lines.get(j).strip());
                }
                return b.length() > 500 ? b.substring(0, 500) + "…" : b.toString();
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
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
