package dev.proofline.gpu;

import java.util.Optional;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/** Whether a CUDA driver and device can be used here. */
public final class CudaDriver {
    private CudaDriver() {}

    /**
     * Asked once per process: a failed native load is remembered by the JVM, and a second attempt would
     * only say "could not initialize class", hiding the first reason.
     */
    private static final class Probe {
        static final Optional<String> UNAVAILABLE = probe();
    }

    /** Empty when a device is usable; otherwise why not, worded for a report. */
    public static Optional<String> unavailable() {
        return Probe.UNAVAILABLE;
    }

    private static Optional<String> probe() {
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
