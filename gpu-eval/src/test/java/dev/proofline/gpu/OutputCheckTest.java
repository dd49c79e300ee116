package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The anti-reward-hacking checks on host arrays, as the GPU runner hands them over. */
class OutputCheckTest {
    static final int P = OutputCheck.POISON;

    static int[] f(float... v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ElemType.bits(v[i]);
        }
        return out;
    }

    @Test
    void aMatchingRunHasNoProblems() {
        OutputCheck c = new OutputCheck(ElemType.F32, Tolerance.FP32);
        assertEquals(List.of(), c.next(Map.of("c", f(1, 2, Float.NaN)), Map.of("c", f(1, 2.00001f, Float.NaN))));
    }

    @Test
    void poisonLeftInAnOutputIsReportedAsUnwritten() {
        OutputCheck c = new OutputCheck(ElemType.I32, Tolerance.FP32);
        List<String> p = c.next(Map.of("c", new int[] {1, P, P, 4}), Map.of("c", new int[] {1, 2, 3, 4}));
        assertEquals("output c: 2 of 4 elements still hold the poison 0xDEADBEEF (not written by the launch), first [1]", p.get(0));
        assertEquals("output c[1] = -559038737, the interpreter says 2", p.get(1));
    }

    @Test
    void poisonIsFineWhereTheSpecProducesThosePreciseBits() {
        OutputCheck c = new OutputCheck(ElemType.I32, Tolerance.FP32);
        assertEquals(List.of(), c.next(Map.of("c", new int[] {P}), Map.of("c", new int[] {P})));
    }

    @Test
    void resultsCachedFromThePreviousInputAreCaught() {
        OutputCheck c = new OutputCheck(ElemType.F32, Tolerance.FP32);
        assertEquals(List.of(), c.next(Map.of("c", f(1, 2, 3)), Map.of("c", f(1, 2, 3))));
        // new input: the spec's result changes in [0] and [2]; the GPU's stays what it was
        List<String> p = c.next(Map.of("c", f(1, 2, 3)), Map.of("c", f(5, 2, 7)));
        assertEquals("output c: 2 elements repeat the previous input's results where the spec's changed (cached results?), first [0]",
                p.get(0));
        assertTrue(p.get(1).startsWith("output c[0] = 1.0, the interpreter says 5.0"), p.toString());
    }

    @Test
    void unchangedSpecResultsMayRepeat() {
        // relu on negatives and then zeros: 0 both times, and the GPU rightly says 0 both times
        OutputCheck c = new OutputCheck(ElemType.F32, Tolerance.FP32);
        c.next(Map.of("y", f(0, 0)), Map.of("y", f(0, 0)));
        assertEquals(List.of(), c.next(Map.of("y", f(0, 0)), Map.of("y", f(0, 0))));
    }

    @Test
    void aMissingOrShortOutputIsReported() {
        OutputCheck c = new OutputCheck(ElemType.I32, Tolerance.FP32);
        assertEquals(List.of("output c has 1 elements, expected 2"), c.next(Map.of("c", new int[] {1}), Map.of("c", new int[] {1, 2})));
        assertEquals(List.of("output c has no elements, expected 2"), c.next(Map.of(), Map.of("c", new int[] {1, 2})));
    }
}
