package dev.proofline.lean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Lake project whose modules (and its dependencies' under {@code .lake/packages/}) problems may import:
 * read from its layout as Lake lays it out (toolchain, manifest, packages, build directories, sources).
 */
public record LeanProject(Path dir) {
    private static final Pattern IMPORT = Pattern.compile("^(?:public\\s+)?(?:meta\\s+)?import\\s+(?:all\\s+)?(.+)$");

    /** One {@code .lean} file of a package: its module name, the modules it imports, and whether it is a {@code module}. */
    public record Source(String module, Path root, Path file, List<String> imports, boolean isModule) {}

    public LeanProject {
        dir = dir.toAbsolutePath().normalize();
    }

    /** The project at {@code dir}, refused with one line if it is no Lake project. */
    public static LeanProject at(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such directory");
        }
        if (Stream.of("lakefile.lean", "lakefile.toml").noneMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            throw new IOException(dir + " is not a Lake project: it has no lakefile.lean or lakefile.toml");
        }
        return new LeanProject(dir);
    }

    /** What {@code lean-toolchain} names (elan's choice for this directory), if the project pins one. */
    public Optional<String> toolchain() throws IOException {
        Path file = dir.resolve("lean-toolchain");
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /**
     * The packages' directories in Lake's workspace order: the dependencies as {@code lake-manifest.json} lists
     * them (a git dependency under its {@code packagesDir}, a path dependency at its {@code dir}), else those
     * found under {@code .lake/packages/}, then the project itself.
     */
    public List<Path> packages() throws IOException {
        List<Path> packages = new ArrayList<>();
        Path manifest = dir.resolve("lake-manifest.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            Path packagesDir = dir.resolve(m.path("packagesDir").asText(".lake/packages"));
            for (JsonNode p : m.path("packages")) {
                packages.add(p.path("type").asText().equals("path") ? dir.resolve(p.path("dir").asText()).normalize()
                        : packagesDir.resolve(p.path("name").asText()));
            }
        } else if (Files.isDirectory(dir.resolve(".lake/packages"))) {
            try (Stream<Path> found = Files.list(dir.resolve(".lake/packages"))) {
                found.filter(Files::isDirectory).sorted().forEach(packages::add);
            }
        }
        packages.add(dir);
        return packages;
    }

    /**
     * The search path {@code lake env} gives for the packages' modules: each package's {@code .lake/build/lib/lean}
     * (Lake's layout since Lean 4.13), where {@code lake build} writes its {@code .olean} files.
     */
    public List<Path> searchPath() throws IOException {
        return packages().stream().map(p -> p.resolve(".lake/build/lib/lean")).toList();
    }

    /** Whether a package of the workspace is Mathlib, or a source imports it. */
    public boolean needsMathlib() throws IOException {
        return packages().stream().anyMatch(p -> p.getFileName().toString().equalsIgnoreCase("mathlib"))
                || sources().stream().flatMap(s -> s.imports().stream()).anyMatch(LeanProject::isMathlib);
    }

    static boolean isMathlib(String module) {
        return module.equals("Mathlib") || module.startsWith("Mathlib.");
    }

    /**
     * Every package's own {@code .lean} files: all under its directory but the lakefile, build output
     * ({@code .lake}) and hidden directories, each named by its path from the package's directory.
     */
    public List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path root : packages()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    Path rel = root.relativize(f);
                    boolean hidden = false;
                    for (Path part : rel) {
                        hidden |= part.toString().startsWith(".") || part.toString().equals("lake-packages");
                    }
                    String name = rel.toString();
                    if (!hidden && name.endsWith(".lean") && !name.equals("lakefile.lean") && Files.isRegularFile(f)) {
                        sources.add(read(root, f, name.substring(0, name.length() - 5).replace('/', '.')));
                    }
                }
            }
        }
        return sources;
    }

    /** Reads a file's header: {@code module}, then its {@code import} lines, comments skipped. */
    private static Source read(Path root, Path file, String module) throws IOException {
        List<String> imports = new ArrayList<>();
        boolean isModule = false;
        boolean inComment = false;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (inComment || line.startsWith("/-")) {
                inComment = !line.contains("-/");
                continue;
            }
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            line = line.replaceFirst("\\s*--.*$", "");
            Matcher m = IMPORT.matcher(line);
            if (line.equals("module")) {
                isModule = true;
            } else if (m.matches()) {
                imports.addAll(List.of(m.group(1).strip().split("\\s+")));
            } else if (!line.equals("prelude")) {
                break;
            }
        }
        return new Source(module, root, file, List.copyOf(imports), isModule);
    }

    /** The modules whose {@code .olean} files lie in these directories, sorted. */
    public static List<String> modulesIn(List<Path> dirs) throws IOException {
        List<String> modules = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                files.map(f -> d.relativize(f).toString()).filter(f -> f.endsWith(".olean"))
                        .map(f -> f.substring(0, f.length() - 6).replace('/', '.')).forEach(modules::add);
            }
        }
        return modules.stream().sorted().toList();
    }
}
