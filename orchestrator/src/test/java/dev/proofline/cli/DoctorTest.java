package dev.proofline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.gpu.CudaDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code proofline doctor} names the Lean in use and says, for Docker, nvcc and a GPU, what is there or why not. */
class DoctorTest {
    @Test
    void everyToolHasALineThatSaysWhatIsThereOrWhatIsMissing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("doctor");
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, code, lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("lean:    Lean (version 4.28.0")), lines.toString());
        String docker = line(lines, "docker:  ");
        assertTrue(docker.matches("Docker \\d+\\..*") || docker.startsWith("not usable: "), docker);
        String nvcc = line(lines, "nvcc:    ");
        assertTrue(nvcc.contains("release") || nvcc.startsWith("not found: "), nvcc);
        String gpu = line(lines, "gpu:     ");
        CudaDriver.unavailable().ifPresentOrElse(why -> assertTrue(gpu.startsWith(why + "; "), gpu),
                () -> assertTrue(gpu.contains("SMs"), gpu));
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix.strip() + " in " + lines));
    }
}
