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
 * @param project the Lake project whose modules problems may import; null for none
 */
public record RuntimeSpec(String kind, String lean, String cacheDir, String image, long memoryBytes, double cpus,
        String project) implements Serializable {

    public LeanRuntime runtime() {
        Path cache = cacheDir != null ? Path.of(cacheDir) : ProoflineCache.defaultDir();
        LeanProject p = project != null ? new LeanProject(Path.of(project)) : null;
        return switch (kind) {
            case "embedded" -> new EmbeddedRuntime(cache, p);
            case "native" -> new NativeRuntime(Path.of(lean != null ? lean : "lean"), p);
            case "container" -> {
                ContainerRuntime c = new ContainerRuntime(cache).withMemoryLimit(memoryBytes).withCpus(cpus);
                c = image != null ? c.withImage(image) : c;
                yield p != null ? c.withProject(p) : c;
            }
            default -> throw new IllegalArgumentException("unknown runtime '" + kind + "': expected embedded, native or container");
        };
    }
}
