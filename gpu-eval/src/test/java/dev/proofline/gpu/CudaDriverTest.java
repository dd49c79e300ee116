package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CudaDriverTest {
    @Test
    void theReasonStaysTheFirstOneOnEveryCall() {
        Optional<String> first = CudaDriver.unavailable();
        assertEquals(first, CudaDriver.unavailable());
        first.ifPresent(why -> {
            assertTrue(why.startsWith("no GPU: skipped execution ("), why);
            assertFalse(why.contains("Could not initialize class"), why);
        });
    }
}
