package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CudaDriverTest {
    /** The probe's answer agrees with what opening the device does: a reason and no device, or a device. */
    @Test
    void theReasonIsTheFirstFailureAndNoDeviceOpensWithOne() {
        CudaDriver.unavailable().ifPresentOrElse(why -> {
            assertTrue(why.matches("no GPU: skipped execution \\(\\w+: .+\\)"), why);
            // a second load of JCuda's natives would only say this, hiding the cause
            assertFalse(why.contains("Could not initialize class"), why);
            assertTrue(GpuDevice.openIfPresent().isEmpty());
        }, () -> {
            try (GpuDevice device = GpuDevice.openIfPresent().orElseThrow()) {
                assertTrue(device.info().smCount() > 0, device.info().describe());
            }
        });
    }
}
