package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Peaks, speed of light and byte/FLOP accounting, from attribute values as an H100 SXM reports them. */
class DeviceInfoTest {
    static final DeviceInfo H100 = DeviceInfo.fromAttributes("NVIDIA H100 80GB HBM3", 9, 0, 52_428_800, 132,
            1_980_000, 2_619_000, 5120);

    @Test
    void peaksFollowTheDatasheetFormulas() {
        assertEquals(2 * 2.619e9 * 5120 / 8, H100.peakBytesPerS(), 1); // 3.35 TB/s
        assertEquals(132 * 1.98e9 * 128 * 2, H100.peakFlopsPerS(), 1); // 66.9 TFLOP/s
        assertTrue(H100.describe().contains("compute 9.0, 132 SMs, L2 50.0 MiB, peak 3352 GB/s"), H100.describe());
    }

    @Test
    void fp32LanesByArchitecture() {
        assertEquals(64, DeviceInfo.fp32LanesPerSm(8, 0)); // A100
        assertEquals(128, DeviceInfo.fp32LanesPerSm(8, 6)); // RTX 30xx
        assertEquals(64, DeviceInfo.fp32LanesPerSm(7, 0)); // V100
        assertEquals(128, DeviceInfo.fp32LanesPerSm(12, 0)); // unknown: the most any SM has
    }

    @Test
    void unreportedClocksGiveAnUnknownPeak() {
        DeviceInfo d = DeviceInfo.fromAttributes("x", 9, 0, 0, 132, 0, 0, 5120);
        assertTrue(Double.isNaN(d.peakBytesPerS()) && Double.isNaN(d.peakFlopsPerS()));
        assertTrue(Double.isNaN(d.solMs(new Cost(1, 1))));
        assertEquals(64L << 20, GpuTiming.flushBytes(d), "no L2 size reported: flush 64 MiB");
        assertEquals(2 * 52_428_800L, GpuTiming.flushBytes(H100));
    }

    @Test
    void costOfVecAddAndSaxpyFromArrayLengthsAndTheInterpreter() {
        KernelIr ir = KernelIr.parse(KernelIrTest.VEC_ADD);
        Workload w = Workload.of(ir, ElemType.F32, Map.of("n", 1L << 20), ValueClass.RANDOM, 256, 1);
        Interpreter.Result r = new Interpreter(ir, ElemType.F32).run(w.launch(), w.inputs(), w.params());
        Cost c = Cost.of(ir, w.launch(), r.operations());
        assertEquals(new Cost(3L * 4 * (1 << 20), 1 << 20), c);
        // memory-bound: 12.6 MB at 3.35 TB/s is 3.75 µs
        assertEquals(12.582912e6 / 3.35232e12 * 1e3, H100.solMs(c), 1e-12);

        KernelIr saxpy = KernelIr.parse(KernelIrTest.SAXPY);
        Workload s = Workload.of(saxpy, ElemType.F32, Map.of("n", 1000L), ValueClass.RANDOM, 256, 1);
        Interpreter.Result rs = new Interpreter(saxpy, ElemType.F32).run(s.launch(), s.inputs(), s.params());
        assertEquals(new Cost(3L * 4 * 1000, 2 * 1000), Cost.of(saxpy, s.launch(), rs.operations()));
    }

    @Test
    void computeBoundSol() {
        // 1 TFLOP on 1 KB is bounded by the FP32 rate
        assertEquals(1e12 / H100.peakFlopsPerS() * 1e3, H100.solMs(new Cost(1000, 1_000_000_000_000L)), 1e-9);
    }
}
