package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sub, div, neg, exp, sqrt, one and select: their meaning per element type, and CUDA that nvcc compiles without calls. */
class ScalarOpsTest {
    /** {@code out[g] = select(x[g], y[g], op(x, y), one)} for every op, one output each. */
    static String allOps() {
        String gid = KernelIrTest.GID;
        String x = "[\"load\",\"x\"," + gid + "]";
        String y = "[\"load\",\"y\"," + gid + "]";
        String[][] ops = {{"sub", "[\"sub\"," + x + "," + y + "]"}, {"dv", "[\"div\"," + x + "," + y + "]"},
            {"ng", "[\"neg\"," + x + "]"}, {"ex", "[\"exp\"," + x + "]"}, {"sq", "[\"sqrt\"," + x + "]"},
            {"sel", "[\"select\"," + x + "," + y + "," + x + ",[\"one\"]]"}};
        StringBuilder outs = new StringBuilder();
        StringBuilder body = new StringBuilder("[\"skip\"]");
        for (String[] o : ops) {
            outs.append(outs.length() == 0 ? "" : ",").append("{\"name\":\"").append(o[0]).append("\",\"length\":[\"size\",\"n\"]}");
            body = new StringBuilder("[\"seq\"," + body + ",[\"store\",\"" + o[0] + "\"," + gid + "," + o[1] + "]]");
        }
        return "{\"name\":\"ops\",\"sizes\":[\"n\"],\"params\":[],\"inputs\":[{\"name\":\"x\",\"length\":[\"size\",\"n\"]},"
                + "{\"name\":\"y\",\"length\":[\"size\",\"n\"]}],\"outputs\":[" + outs + "],\"shared\":[],\"work\":[\"size\",\"n\"],"
                + "\"phases\":[[\"if\",[\"lt\"," + gid + ",[\"size\",\"n\"]]," + body + ",[\"skip\"]]]}";
    }

    static int f(float v) {
        return ElemType.bits(v);
    }

    @Test
    void outputsCompareBitForBitButAnyNanEqualsAnyNan() {
        int nan = Float.floatToRawIntBits(Float.NaN);
        int negativeNan = nan | 0x80000000; // what a NaN's neg, or a NaN from the other operand, may be
        assertEquals(-1, ElemType.F32.firstDifference(new int[] {1, nan}, new int[] {1, negativeNan}));
        assertEquals(0, ElemType.F32.firstDifference(new int[] {0}, new int[] {0x80000000}), "+0 and -0 differ");
        assertEquals(1, ElemType.I32.firstDifference(new int[] {1, nan}, new int[] {1, negativeNan}), "ints have no NaN");
        assertEquals(1, ElemType.F32.firstDifference(new int[] {1}, new int[] {1, 2}), "a shorter output differs where it ends");
    }

    @Test
    void floatsComputeWhatCudaComputes() {
        KernelIr ir = KernelIr.parse(allOps());
        int[] x = {f(4f), f(-1f), f(Float.NaN)};
        int[] y = {f(2f), f(0f), f(1f)};
        Interpreter.Result r = new Interpreter(ir, ElemType.F32).run(new Launch(1, 4, Map.of("n", 3L)),
                Map.of("x", x, "y", y), Map.of());
        assertTrue(r.ok(), r.problems().toString());
        assertArrayEquals(new int[] {f(2f), f(-1f), f(Float.NaN)}, r.outputs().get("sub"));
        assertArrayEquals(new int[] {f(2f), f(Float.NEGATIVE_INFINITY), f(Float.NaN)}, r.outputs().get("dv"));
        assertArrayEquals(new int[] {f(-4f), f(1f), f(Float.NaN) ^ 0x80000000}, r.outputs().get("ng"));
        assertEquals((float) Math.exp(4), ElemType.f(r.outputs().get("ex")[0]));
        int[] sq = r.outputs().get("sq");
        assertEquals(2f, ElemType.f(sq[0]));
        assertTrue(Float.isNaN(ElemType.f(sq[1])) && Float.isNaN(ElemType.f(sq[2])), "NaN payloads vary; NaN is NaN");
        // 4 < 2 no: one; -1 < 0 yes: x; NaN < 1 no: one
        assertArrayEquals(new int[] {f(1f), f(-1f), f(1f)}, r.outputs().get("sel"));
    }

    @Test
    void integersWrapTruncateAndRefuseExp() {
        assertEquals(Integer.MIN_VALUE, ElemType.I32.sub(Integer.MAX_VALUE, -1));
        assertEquals(-2, ElemType.I32.div(-7, 3));
        assertEquals(0, ElemType.I32.div(5, 0));
        assertEquals(Integer.MIN_VALUE, ElemType.I32.div(Integer.MIN_VALUE, -1));
        assertEquals(Integer.MIN_VALUE, ElemType.I32.neg(Integer.MIN_VALUE));
        assertTrue(ElemType.I32.lt(-1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElemType.I32.exp(1));
        assertEquals("exp has no meaning for i32: run this kernel for f32 only", e.getMessage());
    }

    @Test
    void everyOpCompilesWithoutCalls(@TempDir Path dir) throws Exception {
        KernelIr ir = KernelIr.parse(allOps());
        Optional<Nvcc> nvcc = Nvcc.find();
        assumeTrue(nvcc.isPresent(), "no nvcc on this machine: CUDA compile skipped");
        for (ElemType t : List.of(ElemType.F32, ElemType.I32)) {
            Path src = dir.resolve(CudaEmitter.functionName(ir, t) + ".cu");
            Files.writeString(src, CudaEmitter.emit(ir, t));
            Nvcc.Compiled c = nvcc.get().compile(src);
            assertTrue(c.ok(), c.messages());
            List<String> problems = PtxCheck.problems(Files.readString(c.ptx()), CudaEmitter.functionName(ir, t));
            assertEquals(List.of(), problems, t.suffix());
            assertFalse(Files.readString(c.ptx()).contains("call"), t.suffix());
        }
    }
}
