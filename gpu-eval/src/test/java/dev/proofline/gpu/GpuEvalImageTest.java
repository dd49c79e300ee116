package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker/gpu-eval built as docker/README.md says, on debian:bookworm-slim instead of NVIDIA's image (no
 * registry here; the Java package is the same), and its entry point run without a GPU. Runs in the
 * package phase (gpu-eval's pom), after the jar it copies exists. Skipped where Docker is not available.
 */
class GpuEvalImageTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String TAG = "proofline/gpu-eval:image-test";

    @Test
    void theEntryPointStartsAndSaysWhyItSkipsWithoutAGpu() throws Exception {
        assumeTrue(run(List.of("docker", "info"), 60).exit() == 0,
                "Docker is not available: the gpu-eval image test needs a running Docker engine (see docker/README.md)");
        try (var jars = Files.list(ROOT.resolve("gpu-eval/target"))) {
            assertTrue(jars.anyMatch(p -> p.getFileName().toString().matches("gpu-eval-.*\\.jar")),
                    "no gpu-eval jar: this test runs in the package phase, after the jar is made");
        }
        Proc build = run(List.of("docker", "build", "--quiet", "--build-arg", "BASE=debian:bookworm-slim",
                "-f", "docker/gpu-eval/Dockerfile", "-t", TAG, "."), 600);
        assertEquals(0, build.exit(), build.output());
        Proc selfCheck = run(List.of("docker", "run", "--rm", "--network", "none", TAG), 120);
        assertEquals(Main.NO_GPU, selfCheck.exit(), selfCheck.output());
        assertTrue(selfCheck.output().contains("\nno GPU: skipped execution (UnsatisfiedLinkError: "), selfCheck.output());
        assertTrue(selfCheck.output().startsWith("nvcc: not found"), selfCheck.output());
    }

    record Proc(int exit, String output) {}

    /** Output to a file, so that the time limit holds however much is printed. */
    private static Proc run(List<String> cmd, long seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("gpu-eval-image", ".log");
        try {
            Process p;
            try {
                p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) { // no docker CLI
                return new Proc(-1, e.toString());
            }
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s: " + Files.readString(log));
            }
            return new Proc(p.exitValue(), Files.readString(log));
        } finally {
            Files.delete(log);
        }
    }
}
