package dev.proofline.gpu;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

/**
 * Times a kernel the way nvbench does. On one stream the harness owns: warm-up launches, then per sample
 * poison the outputs, overwrite an L2-flush buffer of 2 × the device's L2 (so the inputs come from DRAM),
 * and record a start event, exactly one launch, a stop event. Samples are taken until their relative
 * standard deviation is at most {@link Plan#maxNoise()} ({@link TimingStats#converged}) or the budget is
 * spent. Nothing else can run in the measured region: the harness enqueues only that launch between the
 * events, the PTX has no call instruction ({@link PtxCheck}: no device-side launch), and a context-wide
 * synchronize at the end surfaces any asynchronous fault. The outputs of the last timed launch come back
 * so the caller can check that the timed launches computed the right thing.
 */
public final class GpuTiming {
    private GpuTiming() {}

    public record Plan(int warmups, int minSamples, int maxSamples, double maxNoise, Duration budget) {
        public static final Plan DEFAULT = new Plan(3, 10, 10_000, 0.005, Duration.ofSeconds(1));

        public Plan withBudget(Duration b) {
            return new Plan(warmups, minSamples, maxSamples, maxNoise, b);
        }
    }

    public record Result(TimingStats.Summary summary, boolean converged, Cost cost, DeviceInfo device,
                         long flushBytes, Map<String, int[]> outputs) {
        public double bytesPerS() {
            return cost.bytes() / (summary.medianMs() / 1e3);
        }

        public double flopsPerS() {
            return cost.flops() / (summary.medianMs() / 1e3);
        }

        public double solMs() {
            return device.solMs(cost);
        }

        /** {@code T_SOL / T_median}: 1 at the speed of light. */
        public double solFraction() {
            return solMs() / summary.medianMs();
        }
    }

    /** 2 × L2 so a flush evicts everything the previous sample left; 64 MiB when the device reports no L2 size. */
    public static long flushBytes(DeviceInfo d) {
        return d.l2Bytes() > 0 ? 2 * d.l2Bytes() : 64L << 20;
    }

    public static Result measure(GpuKernel kernel, Workload w, Cost cost, Plan plan) {
        DeviceInfo d = kernel.device().info();
        long flush = flushBytes(d);
        CUstream stream = new CUstream();
        CUevent start = new CUevent();
        CUevent stop = new CUevent();
        CUdeviceptr flushBuffer = new CUdeviceptr();
        JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING);
        JCudaDriver.cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT);
        JCudaDriver.cuEventCreate(stop, CUevent_flags.CU_EVENT_DEFAULT);
        JCudaDriver.cuMemAlloc(flushBuffer, flush);
        try (GpuKernel.Staged s = kernel.stage(w)) {
            for (int i = 0; i < plan.warmups(); i++) {
                s.launch(stream);
            }
            JCudaDriver.cuStreamSynchronize(stream);
            double[] samples = new double[plan.maxSamples()];
            int n = 0;
            boolean converged = false;
            long deadline = System.nanoTime() + plan.budget().toNanos();
            while (n < samples.length && !converged && (n == 0 || System.nanoTime() < deadline)) {
                s.poison(stream);
                JCudaDriver.cuMemsetD32Async(flushBuffer, n, flush / 4, stream); // a new value each time: real writes
                JCudaDriver.cuEventRecord(start, stream);
                s.launch(stream);
                JCudaDriver.cuEventRecord(stop, stream);
                JCudaDriver.cuEventSynchronize(stop);
                float[] ms = new float[1];
                JCudaDriver.cuEventElapsedTime(ms, start, stop);
                samples[n++] = ms[0];
                converged = TimingStats.converged(samples, n, plan.minSamples(), plan.maxNoise());
            }
            JCudaDriver.cuCtxSynchronize();
            return new Result(TimingStats.summarize(Arrays.copyOf(samples, n)), converged, cost, d, flush, s.read());
        } finally {
            JCudaDriver.cuMemFree(flushBuffer);
            JCudaDriver.cuEventDestroy(start);
            JCudaDriver.cuEventDestroy(stop);
            JCudaDriver.cuStreamDestroy(stream);
        }
    }
}
