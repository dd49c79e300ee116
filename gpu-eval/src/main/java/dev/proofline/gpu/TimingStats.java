package dev.proofline.gpu;

import java.util.Arrays;

/**
 * Statistics over kernel times (ms) and the speed-of-light score. Pure arithmetic, so it is tested
 * without a GPU; the harness that collects the samples (CUDA events, warm-up, L2 flush) needs one.
 */
public final class TimingStats {
    private TimingStats() {}

    /** Median, interquartile range and minimum of samples (ms). */
    public record Summary(int samples, double medianMs, double iqrMs, double minMs) {}

    public static Summary summarize(double[] samplesMs) {
        if (samplesMs.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samplesMs.clone();
        Arrays.sort(s);
        return new Summary(s.length, quantile(s, 0.5), quantile(s, 0.75) - quantile(s, 0.25), s[0]);
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * nvbench's stop rule: enough samples once their noise (relative standard deviation, {@code stdev / mean})
     * is at most {@code maxRelNoise} (0.5 %), with at least {@code minSamples}; the caller also stops when
     * its time budget is spent.
     */
    public static boolean converged(double[] samplesMs, int n, int minSamples, double maxRelNoise) {
        if (n < Math.max(2, minSamples)) {
            return false;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += samplesMs[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (samplesMs[i] - mean) * (samplesMs[i] - mean);
        }
        double stdev = Math.sqrt(var / (n - 1));
        return stdev / mean <= maxRelNoise;
    }

    /** Speed of light: the larger of the time to move {@code bytes} at peak bandwidth and to do {@code flops} at peak rate. */
    public static double solMs(double bytes, double flops, double peakBytesPerS, double peakFlopsPerS) {
        return 1e3 * Math.max(bytes / peakBytesPerS, flops / peakFlopsPerS);
    }

    /**
     * SOL-ExecBench's score {@code 1 / (1 + (T_k − T_SOL) / (T_b − T_SOL))}: 1 at speed of light, ½ at the baseline;
     * NaN when the baseline itself is at or under the speed of light, where the score means nothing.
     */
    public static double solScore(double kernelMs, double baselineMs, double solMs) {
        if (baselineMs <= solMs) {
            return Double.NaN;
        }
        return 1.0 / (1.0 + (kernelMs - solMs) / (baselineMs - solMs));
    }
}
