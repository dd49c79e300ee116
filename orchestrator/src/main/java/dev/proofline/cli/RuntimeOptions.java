package dev.proofline.cli;

import dev.proofline.lean.LeanProject;
import dev.proofline.lean.LeanRuntime;
import dev.proofline.lean.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which Lean to run: shared by every command that starts one. */
final class RuntimeOptions {
    enum Kind { embedded, nativeLean, container }

    @Option(names = "--runtime", defaultValue = "embedded", converter = KindConverter.class,
            description = "Lean runtime: embedded (WebAssembly Lean from npm, installed on first use), native "
                    + "(a lean on PATH or --lean) or container (Lean in Docker with no network, a read-only root "
                    + "and --memory/--cpus limits; the lean-wasm image is built on first use). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--lean", description = "The native lean executable (default: lean on PATH).")
    Path lean;

    @Option(names = "--cache-dir", description = "Where the embedded runtime is installed "
            + "(default: $PROOFLINE_CACHE, else ~/.cache/proofline).")
    Path cacheDir;

    @Option(names = "--image", description = "With --runtime container: a Proofline Lean image to run, e.g. "
            + "proofline/lean (default: the lean-wasm image of this build, built on first use).")
    String image;

    @Option(names = "--memory", defaultValue = "4g", converter = MemoryConverter.class,
            description = "With --runtime container: each Lean container's memory limit, e.g. 4g or 3500m. "
                    + "Default: ${DEFAULT-VALUE}.")
    long memoryBytes;

    @Option(names = "--cpus", defaultValue = "2", converter = CpusConverter.class, description = "With --runtime "
            + "container: each Lean container's CPU limit. Default: ${DEFAULT-VALUE}.")
    double cpus;

    @Option(names = "--project", paramLabel = "DIR", converter = ProjectConverter.class, description = "A Lake "
            + "project whose modules (and its dependencies' under .lake/packages/) problem headers may import: native "
            + "runs the project's toolchain with lake env's search path (build it with lake build first); embedded "
            + "compiles its own sources into the cache on first use (proofline lib build); container mounts it read-only.")
    LeanProject project;

    LeanRuntime runtime() {
        return spec().runtime();
    }

    RuntimeSpec spec() {
        return new RuntimeSpec(kind == Kind.nativeLean ? "native" : kind.name(), lean == null ? null : lean.toString(),
                cacheDir == null ? null : cacheDir.toAbsolutePath().toString(), image, memoryBytes, cpus,
                project == null ? null : project.dir().toString());
    }

    /** A Lake project directory, refused before any work if it is none. */
    static final class ProjectConverter implements picocli.CommandLine.ITypeConverter<LeanProject> {
        @Override
        public LeanProject convert(String value) {
            try {
                return LeanProject.at(Path.of(value));
            } catch (IOException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return switch (value) {
                case "embedded" -> Kind.embedded;
                case "native" -> Kind.nativeLean;
                case "container" -> Kind.container;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "unknown runtime '" + value + "': expected embedded, native or container");
            };
        }
    }

    /** Docker's size notation: a number of bytes with an optional k, m or g suffix (powers of 1024). */
    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d+)([kmg]?)b?").matcher(value.strip());
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException(
                        "invalid size '" + value + "': expected e.g. 4g, 3500m or 1073741824");
            }
            int shift = switch (m.group(2).toLowerCase()) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            long bytes = Long.parseLong(m.group(1)) << shift;
            if (bytes < 1) {
                throw new picocli.CommandLine.TypeConversionException("size '" + value + "' is not positive");
            }
            return bytes;
        }
    }

    /** A memory size in {@link SizeConverter}'s notation, at least {@link #MIN_MEMORY_BYTES}. */
    static final class MemoryConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long bytes = new SizeConverter().convert(value);
            if (bytes < MIN_MEMORY_BYTES) {
                throw new picocli.CommandLine.TypeConversionException("memory size '" + value
                        + "' is under 1g: one Lean session alone peaks near 1.8 GB");
            }
            return bytes;
        }
    }

    /** Below this a container cannot even import Init. */
    static final long MIN_MEMORY_BYTES = 1L << 30;

    /** A CPU limit Docker accepts: a positive number of CPUs. */
    static final class CpusConverter implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double cpus = Double.parseDouble(value.strip());
                if (cpus > 0) {
                    return cpus;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a positive number of CPUs");
        }
    }
}
