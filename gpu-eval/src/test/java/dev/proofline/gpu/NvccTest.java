package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running nvcc: its time limit holds, and its version line is found whatever else it prints. */
class NvccTest {
    @Test
    void aRunThatOutlivesItsLimitIsKilledAndSaysSo() {
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> Nvcc.run(List.of("bash", "-c", "echo started; sleep 30"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not finish in 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the limit held while output was pending");
    }

    @Test
    void theVersionIsTheReleaseLineWhateverSurroundsIt() {
        String usual = "nvcc: NVIDIA (R) Cuda compiler driver\nCopyright (c) 2005-2025 NVIDIA Corporation\n"
                + "Built on Wed_Aug_20\nCuda compilation tools, release 13.0, V13.0.88\nBuild cuda_13.0.r13.0/compiler\n";
        assertEquals("Cuda compilation tools, release 13.0, V13.0.88", Nvcc.versionOf(usual));
        assertEquals("nvcc 99", Nvcc.versionOf("nvcc 99\n"));
        assertEquals("unknown version", Nvcc.versionOf(""));
    }
}
