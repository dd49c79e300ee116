package dev.proofline.gpu;

import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/**
 * The device timings are judged against, from the driver's attributes. Peaks are the datasheet formulas:
 * bandwidth = 2 (double data rate) × memory clock × bus width / 8; FP32 rate = SMs × SM clock × FP32 lanes
 * per SM × 2 (a fused multiply-add counts as two operations). Kernels are compiled with {@code -fmad=false},
 * so they cannot reach the FP32 peak; it still bounds them, which is what a speed of light must do.
 * A peak the driver does not report is NaN.
 */
public record DeviceInfo(String name, int ccMajor, int ccMinor, long l2Bytes, int smCount,
                         double peakBytesPerS, double peakFlopsPerS) {

    /** From raw attributes: clocks in kHz, bus width in bits, as {@code cuDeviceGetAttribute} gives them. */
    public static DeviceInfo fromAttributes(String name, int major, int minor, long l2Bytes, int smCount,
                                            long clockKHz, long memClockKHz, int busWidthBits) {
        double bw = memClockKHz > 0 && busWidthBits > 0 ? 2.0 * memClockKHz * 1e3 * busWidthBits / 8 : Double.NaN;
        double flops = clockKHz > 0 && smCount > 0
                ? (double) smCount * clockKHz * 1e3 * fp32LanesPerSm(major, minor) * 2 : Double.NaN;
        return new DeviceInfo(name, major, minor, l2Bytes, smCount, bw, flops);
    }

    /**
     * FP32 units per SM by compute capability (CUDA C Programming Guide, arithmetic throughput table).
     * Unknown (newer) architectures get 128, the most any has, so the peak stays an upper bound.
     */
    static int fp32LanesPerSm(int major, int minor) {
        return switch (major) {
            case 6 -> minor == 0 ? 64 : 128;
            case 7 -> 64;
            case 8 -> minor == 0 ? 64 : 128;
            default -> 128;
        };
    }

    /** Speed of light for {@code cost} on this device, in ms (NaN when a peak is unknown). */
    public double solMs(Cost cost) {
        return TimingStats.solMs(cost.bytes(), cost.flops(), peakBytesPerS, peakFlopsPerS);
    }

    public String describe() {
        return String.format("%s, compute %d.%d, %d SMs, L2 %.1f MiB, peak %.0f GB/s (2 × memory clock × bus width), "
                        + "%.1f TFLOP/s fp32 (SMs × clock × %d lanes × 2)", name, ccMajor, ccMinor, smCount,
                l2Bytes / 1048576.0, peakBytesPerS / 1e9, peakFlopsPerS / 1e12, fp32LanesPerSm(ccMajor, ccMinor));
    }

    static DeviceInfo query(CUdevice device) {
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, device);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return fromAttributes(new String(name, 0, end, java.nio.charset.StandardCharsets.UTF_8),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH));
    }

    /** 0 when the driver does not report it (clock attributes are deprecated and may go away). */
    private static int attribute(CUdevice device, int which) {
        int[] v = new int[1];
        try {
            JCudaDriver.cuDeviceGetAttribute(v, which, device);
        } catch (jcuda.CudaException e) {
            return 0;
        }
        return v[0];
    }
}
