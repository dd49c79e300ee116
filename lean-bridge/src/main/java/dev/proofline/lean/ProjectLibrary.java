package dev.proofline.lean;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lake project's own sources (its packages' {@code .lean} files) compiled by the embedded Lean into the
 * cache, in dependency order, once per content hash, read-only: sessions then import them like the library.
 *
 * @param dir the {@code .olean} files, by module path
 * @param modules the modules, in the order they were compiled
 * @param compiled whether this call compiled them (false: they were in the cache)
 */
public record ProjectLibrary(Path dir, List<String> modules, boolean compiled) {
    public ProjectLibrary {
        modules = List.copyOf(modules);
    }

    /** How to run the embedded Lean on compiler arguments, reading sources under {@code root} and writing into {@code out}. */
    @FunctionalInterface
    interface Compiler {
        LeanLaunch lean(Path root, Path out, List<String> args, Path scratch) throws IOException;
    }

    /**
     * Builds {@code project} into {@code cacheDir/lib/}, or finds it built. Refused in one line, before any
     * compiling: a project that needs Mathlib, a source that is not a {@code module} (this Lean imports only
     * a module's exported part, so a plain file's declarations would be invisible), an import neither the
     * project nor {@code library} has, an import cycle.
     */
    static ProjectLibrary build(LeanProject project, Path cacheDir, WasmInstaller.Installation inst, Compiler compiler)
            throws IOException {
        if (project.needsMathlib()) {
            throw new IOException("--project " + project.dir() + " needs Mathlib, which the embedded Lean does not have: "
                    + "check it with --runtime native (a Lean from elan, the project built with lake build)");
        }
        Map<String, LeanProject.Source> byModule = new LinkedHashMap<>();
        for (LeanProject.Source s : project.sources()) {
            if (!s.isModule()) {
                throw new IOException(s.file() + " does not begin with `module`: the embedded Lean imports only a module's "
                        + "exported part, so its declarations would be invisible (begin it with `module` and `public section`)");
            }
            byModule.putIfAbsent(s.module(), s);
        }
        if (byModule.isEmpty()) {
            throw new IOException("--project " + project.dir() + " has no .lean sources to compile");
        }
        for (LeanProject.Source s : byModule.values()) {
            for (String imported : s.imports()) {
                if (!byModule.containsKey(imported)
                        && !Files.exists(inst.library().resolve(imported.replace('.', '/') + ".olean"))) {
                    throw new IOException(s.file() + " imports " + imported + ", which neither the project nor the "
                            + "embedded Lean's library has");
                }
            }
        }
        List<LeanProject.Source> order = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String m : byModule.keySet()) {
            visit(m, byModule, visiting, order);
        }
        Hasher hash = Hashing.sha256().newHasher().putUnencodedChars(inst.dir().getFileName().toString());
        for (LeanProject.Source s : order) {
            hash.putUnencodedChars(s.module()).putByte((byte) 0).putBytes(Files.readAllBytes(s.file())).putByte((byte) 0);
        }
        Path dir = cacheDir.resolve("lib").resolve(hash.hash().toString().substring(0, 16));
        List<String> modules = order.stream().map(LeanProject.Source::module).toList();
        if (Files.exists(dir)) {
            return new ProjectLibrary(dir, modules, false);
        }
        ReplProgram.publish(dir, staged -> {
            Path scratch = Files.createTempDirectory("proofline-lib");
            try {
                for (LeanProject.Source s : order) {
                    Path olean = staged.resolve(s.module().replace('.', '/') + ".olean");
                    Files.createDirectories(olean.getParent());
                    String base = olean.toString().substring(0, olean.toString().length() - ".olean".length());
                    ReplProgram.compileModule(compiler.lean(s.root(), staged, List.of("--root=" + s.root(), "-o", olean.toString(),
                            "-i", base + ".ilean", s.file().toString()), scratch), olean, s.file().toString());
                }
            } finally {
                WasmInstaller.deleteTree(scratch);
            }
        });
        return new ProjectLibrary(dir, modules, true);
    }

    /** Depth-first: a module after the project modules it imports. */
    private static void visit(String module, Map<String, LeanProject.Source> byModule, Set<String> visiting,
            List<LeanProject.Source> order) throws IOException {
        LeanProject.Source s = byModule.get(module);
        if (s == null || order.contains(s)) {
            return;
        }
        if (!visiting.add(module)) {
            throw new IOException(s.file() + " is part of an import cycle through " + module);
        }
        for (String imported : s.imports()) {
            visit(imported, byModule, visiting, order);
        }
        order.add(s);
    }
}
