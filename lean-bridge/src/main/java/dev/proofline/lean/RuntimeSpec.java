package dev.proofline.lean;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Which Lean runtime to run, as data: what the command line chose, sent as it is to another JVM (a Spark
 * executor), which makes the same runtime from it there.
 *
 * @param kind {@code embedded}, {@code native} or {@code container}
 * @param lean the native {@code lean} executable; null for {@code lean} on the PATH
 * @param cacheDir where the embedded runtime is installed; null for the default
 * @param image the container image; null for this build's lean-wasm image
 */
public record RuntimeSpec(String kind, String lean, String cacheDir, String image, long memoryBytes, double cpus)
        implements Serializable {

    public LeanRuntime runtime() {
        Path cache = cacheDir != null ? Path.of(cacheDir) : ProoflineCache.defaultDir();
        return switch (kind) {
            case "embedded" -> new EmbeddedRuntime(cache);
            case "native" -> new NativeRuntime(Path.of(lean != null ? lean : "lean"));
            case "container" -> {
                ContainerRuntime c = new ContainerRuntime(cache).withMemoryLimit(memoryBytes).withCpus(cpus);
                yield image != null ? c.withImage(image) : c;
            }
            default -> throw new IllegalArgumentException("unknown runtime '" + kind + "': expected embedded, native or container");
        };
    }
}
