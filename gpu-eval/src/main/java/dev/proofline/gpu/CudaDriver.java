package dev.proofline.gpu;

import java.util.Optional;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/** Whether a CUDA driver and device can be used here. */
public final class CudaDriver {
    private CudaDriver() {}

    /** Empty when a device is usable; otherwise why not, worded for a report. */
    public static Optional<String> unavailable() {
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] count = new int[1];
            JCudaDriver.cuDeviceGetCount(count);
            if (count[0] == 0) {
                return Optional.of("no GPU: skipped execution (the CUDA driver sees no device)");
            }
            JCudaDriver.cuDeviceGet(new CUdevice(), 0);
            return Optional.empty();
        } catch (Throwable t) { // JCuda throws UnsatisfiedLinkError without libcuda.so.1
            return Optional.of("no GPU: skipped execution (" + t.getClass().getSimpleName() + ": "
                    + String.valueOf(t.getMessage()).lines().findFirst().orElse("") + ")");
        }
    }
}
