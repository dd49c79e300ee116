package dev.proofline.gpu;

import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * The gpu-eval image's entry point ({@code docker/gpu-eval}): a self-check that lists the CUDA devices
 * the driver sees and says whether nvcc is there. Exit 0 with at least one device; 3 when there is none,
 * after one line saying why execution would be skipped (no driver in the container, no device passed in).
 */
public final class Main {
    /** Exit code when no GPU is usable: distinct from a JVM failure (1). */
    static final int NO_GPU = 3;

    private Main() {}

    public static void main(String[] args) {
        System.out.println("nvcc: " + Nvcc.find().map(n -> n.version() + " (" + n.executable() + ")")
                .orElse("not found (the runtime image has none; PTX is compiled where the CUDA toolkit is)"));
        var why = CudaDriver.unavailable();
        if (why.isPresent()) {
            System.out.println(why.get() + "; run the image with --gpus all on a host with the NVIDIA container toolkit");
            System.exit(NO_GPU);
        }
        int[] count = new int[1];
        JCudaDriver.cuDeviceGetCount(count);
        for (int i = 0; i < count[0]; i++) {
            CUdevice device = new CUdevice();
            JCudaDriver.cuDeviceGet(device, i);
            System.out.println("gpu " + i + ": " + DeviceInfo.query(device).describe());
        }
    }
}
