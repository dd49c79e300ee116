package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimingStatsTest {
    @Test
    void medianIqrMin() {
        TimingStats.Summary s = TimingStats.summarize(new double[] {5, 1, 4, 2, 3});
        assertEquals(3, s.medianMs());
        assertEquals(2, s.iqrMs());
        assertEquals(1, s.minMs());
        assertEquals(2.5, TimingStats.summarize(new double[] {1, 2, 3, 4}).medianMs());
    }

    @Test
    void stopRuleWantsLowNoiseAndEnoughSamples() {
        double[] steady = {1.0, 1.001, 0.999, 1.0, 1.0005, 0.9995, 1.0, 1.0, 1.0, 1.0};
        assertTrue(TimingStats.converged(steady, steady.length, 10, 0.005));
        assertFalse(TimingStats.converged(steady, 5, 10, 0.005), "too few samples");
        double[] noisy = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2};
        assertFalse(TimingStats.converged(noisy, noisy.length, 10, 0.005));
    }

    @Test
    void solScore() {
        // 8 MB at 4 TB/s is 2 µs; 1 MFLOP at 60 TFLOP/s is far less
        assertEquals(0.002, TimingStats.solMs(8e6, 1e6, 4e12, 60e12), 1e-12);
        assertEquals(1.0, TimingStats.solScore(1, 3, 1), 1e-12);
        assertEquals(0.5, TimingStats.solScore(3, 3, 1), 1e-12);
        assertEquals(1.0 / 3, TimingStats.solScore(5, 3, 1), 1e-12);
        assertTrue(Double.isNaN(TimingStats.solScore(2, 1, 1)), "a baseline at the speed of light leaves nothing to score");
    }
}
