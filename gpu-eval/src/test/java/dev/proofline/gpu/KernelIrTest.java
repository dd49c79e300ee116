package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IR parsing, the CPU interpreter's checks and CUDA emission, on IR as the Lean exporter writes it. */
class KernelIrTest {
    static final String GID = "[\"add\",[\"mul\",[\"bid\"],[\"bdim\"]],[\"tid\"]]";
    static final String VEC_ADD = vecAdd("[\"size\",\"n\"]");
    // the guard g < n + 1 lets one thread past the end
    static final String OFF_BY_ONE = vecAdd("[\"add\",[\"size\",\"n\"],[\"lit\",1]]");

    static final String SAXPY = "{\"name\":\"saxpy\",\"sizes\":[\"n\"],\"params\":[\"alpha\"],\"inputs\":["
            + "{\"name\":\"x\",\"length\":[\"size\",\"n\"]},{\"name\":\"y\",\"length\":[\"size\",\"n\"]}],"
            + "\"outputs\":[{\"name\":\"out\",\"length\":[\"size\",\"n\"]}],\"shared\":[],\"work\":[\"size\",\"n\"],"
            + "\"phases\":[[\"if\",[\"lt\"," + GID + ",[\"size\",\"n\"]],[\"store\",\"out\"," + GID + ",[\"add\",[\"mul\","
            + "[\"param\",\"alpha\"],[\"load\",\"x\"," + GID + "]],[\"load\",\"y\"," + GID + "]]],[\"skip\"]]]}";

    static String vecAdd(String bound) {
        return "{\"name\":\"vec_add\",\"sizes\":[\"n\"],\"params\":[],\"inputs\":[{\"name\":\"a\",\"length\":[\"size\",\"n\"]},"
                + "{\"name\":\"b\",\"length\":[\"size\",\"n\"]}],\"outputs\":[{\"name\":\"c\",\"length\":[\"size\",\"n\"]}],"
                + "\"shared\":[],\"work\":[\"size\",\"n\"],\"phases\":[[\"if\",[\"lt\"," + GID + "," + bound + "],"
                + "[\"store\",\"c\"," + GID + ",[\"add\",[\"load\",\"a\"," + GID + "],[\"load\",\"b\"," + GID + "]]],[\"skip\"]]]}";
    }

    @Test
    void signaturesCompareWhatACallerSees() {
        KernelIr vecAdd = KernelIr.parse(VEC_ADD);
        // the off-by-one kernel has another body but the same sizes, inputs and outputs
        assertEquals(vecAdd.signature(), KernelIr.parse(OFF_BY_ONE).signature());
        KernelIr.Signature saxpy = KernelIr.parse(SAXPY).signature();
        assertFalse(vecAdd.signature().equals(saxpy));
        assertEquals("(n) a[n], b[n] → c[n]", vecAdd.signature().toString());
        assertEquals("(n; alpha) x[n], y[n] → out[n]", saxpy.toString());
    }

    @Test
    void interpreterComputesVecAddOnAnOddSize() {
        KernelIr ir = KernelIr.parse(VEC_ADD);
        Workload w = Workload.of(ir, ElemType.I32, Map.of("n", 1000L), ValueClass.RANDOM, 256, 7);
        assertEquals(4, w.launch().grid());
        Interpreter.Result r = new Interpreter(ir, ElemType.I32).run(w.launch(), w.inputs(), w.params());
        assertTrue(r.ok(), r.problems().toString());
        int[] a = w.inputs().get("a");
        int[] b = w.inputs().get("b");
        int[] want = new int[1000];
        for (int i = 0; i < want.length; i++) {
            want[i] = a[i] + b[i];
        }
        assertArrayEquals(want, r.outputs().get("c"));
        assertEquals(1000, r.operations());
    }

    @Test
    void interpreterCatchesTheOffByOneGuard() {
        KernelIr ir = KernelIr.parse(OFF_BY_ONE);
        Workload w = Workload.of(ir, ElemType.F32, Map.of("n", 1000L), ValueClass.RANDOM, 256, 7);
        Interpreter.Result r = new Interpreter(ir, ElemType.F32).run(w.launch(), w.inputs(), w.params());
        assertFalse(r.ok());
        assertEquals("thread (block 3, thread 232) reads a[1000], past its 1000 elements", r.problems().get(0));
    }

    @Test
    void irWithASideChannelIsRejected() {
        String readsOutput = VEC_ADD.replace("[\"load\",\"b\"", "[\"load\",\"c\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(readsOutput));
        assertTrue(e.getMessage().contains("loads 'c', not an input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(VEC_ADD.replace("\"skip\"", "\"printf\"")));
    }

    @Test
    void fmaxSemanticsForNaN() {
        assertEquals(0f, ElemType.f(ElemType.F32.max(ElemType.bits(Float.NaN), 0)));
        assertEquals(-2, ElemType.I32.max(-2, -3));
    }

    /**
     * out[g] = x[g] added r times, through a barrier inside a loop: each iteration copies the running sum B into A
     * (zero first) and, after a barrier, writes A + x into B; the final phase writes B out.
     */
    static String repeatedSum(String bound) {
        String gidLtN = "['lt'," + GID.replace('"', '\'') + ",['size','n']]";
        String gid = GID.replace('"', '\'');
        return ("{'name':'repeat_sum','sizes':['n','r'],'params':[],'inputs':[{'name':'x','length':['size','n']}],"
                + "'outputs':[{'name':'out','length':['size','n']}],'shared':['A','B'],'work':['size','n'],'phases':["
                + "['phase_loop','k'," + bound + ",["
                + "['if',['eq',['ivar','k'],['lit',0]],['store_shared','A',['tid'],['zero']],"
                + "['store_shared','A',['tid'],['load_shared','B',['tid']]]],"
                + "['if'," + gidLtN + ",['store_shared','B',['tid'],['add',['load_shared','A',['tid']],['load','x'," + gid + "]]],"
                + "['store_shared','B',['tid'],['load_shared','A',['tid']]]]]],"
                + "['if'," + gidLtN + ",['if',['lt',['lit',0],['size','r']],['store','out'," + gid + ",['load_shared','B',['tid']]],"
                + "['store','out'," + gid + ",['zero']]],['skip']]]}").replace('\'', '"');
    }

    @Test
    void aBarrierInsideALoopRunsEveryIterationInOrder(@TempDir Path dir) throws Exception {
        KernelIr ir = KernelIr.parse(repeatedSum("['size','r']".replace('\'', '"')));
        assertTrue(ir.phases().get(0) instanceof KernelIr.Phase.Loop, ir.phases().toString());
        Workload w = Workload.of(ir, ElemType.I32, Map.of("n", 300L, "r", 3L), ValueClass.RANDOM, 256, 7);
        assertEquals(2, w.launch().grid());
        Interpreter.Result r = new Interpreter(ir, ElemType.I32).run(w.launch(), w.inputs(), w.params());
        assertTrue(r.ok(), r.problems().toString());
        int[] x = w.inputs().get("x");
        int[] want = new int[300];
        for (int i = 0; i < want.length; i++) {
            want[i] = x[i] + x[i] + x[i];
        }
        assertArrayEquals(want, r.outputs().get("out"));
        // no iteration: the final phase writes zero
        Workload none = Workload.of(ir, ElemType.I32, Map.of("n", 300L, "r", 0L), ValueClass.RANDOM, 256, 7);
        Interpreter.Result z = new Interpreter(ir, ElemType.I32).run(none.launch(), none.inputs(), none.params());
        assertTrue(z.ok(), z.problems().toString());
        assertArrayEquals(new int[300], z.outputs().get("out"));

        String cu = CudaEmitter.emit(ir, ElemType.F32);
        assertTrue(cu.contains("    for (idx_t k = 0; k < r; ++k) {\n        { // phase 0\n"), cu);
        // a barrier between the body's phases and one ending each iteration, none doubled after the loop
        assertTrue(cu.contains("        }\n        __syncthreads();\n        { // phase 1\n"), cu);
        assertTrue(cu.contains("        }\n        __syncthreads();\n    }\n    { // phase 2\n"), cu);
        assertEquals(2, cu.split("__syncthreads", -1).length - 1, cu);
        compiles(dir.resolve("repeat_sum_f32.cu"), cu);
    }

    /** Where nvcc is installed, {@code cu} written at {@code src} compiles to PTX. */
    static Nvcc.Compiled compiles(Path src, String cu) throws Exception {
        Optional<Nvcc> nvcc = Nvcc.find();
        assumeTrue(nvcc.isPresent(), "no nvcc on this machine: CUDA compile skipped");
        Files.writeString(src, cu);
        Nvcc.Compiled c = nvcc.get().compile(src);
        assertTrue(c.ok(), c.messages());
        return c;
    }

    @Test
    void aPhaseLoopBoundThatDependsOnTheThreadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelIr.parse(repeatedSum("['add',['size','r'],['mod',['tid'],['lit',2]]]".replace('\'', '"'))));
        assertTrue(e.getMessage().contains("bound of phase loop 'k' depends on the thread"), e.getMessage());
        // the loop variable is not in scope after the loop, and may not be reused inside it
        String outside = repeatedSum("['size','r']".replace('\'', '"')).replace("[\"lt\",[\"lit\",0],[\"size\",\"r\"]]",
                "[\"lt\",[\"lit\",0],[\"ivar\",\"k\"]]");
        e = assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(outside));
        assertTrue(e.getMessage().contains("loop variable 'k' out of scope"), e.getMessage());
        String shadow = repeatedSum("['size','r']".replace('\'', '"')).replace("[\"phase_loop\",\"k\"", "[\"phase_loop\",\"n\"");
        e = assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(shadow));
        assertTrue(e.getMessage().contains("phase loop variable 'n' shadows another name"), e.getMessage());
    }

    /** The semantics reads shared memory from the phase's starting snapshot; that is what the GPU reads only if
     * no thread of the phase writes what another may read. */
    @Test
    void aPhaseReadingASharedArrayItWritesIsRefused() {
        String ir = ("{'name':'in_place','sizes':['n'],'params':[],'inputs':[{'name':'x','length':['size','n']}],"
                + "'outputs':[{'name':'out','length':['size','n']}],'shared':['s'],'work':['size','n'],'phases':["
                + "['store_shared','s',['tid'],['load','x',['mod',['tid'],['size','n']]]],"
                + "['store_shared','s',['tid'],['add',['load_shared','s',['tid']],['load_shared','s',['mod',['add',['tid'],['lit',1]],['bdim']]]]],"
                + "['if',['lt'," + GID.replace('"', '\'') + ",['size','n']],['store','out'," + GID.replace('"', '\'')
                + ",['load_shared','s',['tid']]],['skip']]]}").replace('\'', '"');
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelIr.parse(ir));
        assertTrue(e.getMessage().contains("phase 1: reads and writes shared"), e.getMessage());
    }

    @Test
    void emittedCudaCompilesWithNvcc(@TempDir Path dir) throws Exception {
        KernelIr ir = KernelIr.parse(VEC_ADD);
        String cu = CudaEmitter.emit(ir, ElemType.F32);
        assertEquals(cu, CudaEmitter.emit(ir, ElemType.F32), "deterministic");
        assertTrue(cu.contains("extern \"C\" __global__ void vec_add_f32(const float* __restrict__ a, "
                + "const float* __restrict__ b, float* __restrict__ c, idx_t n)"), cu);
        Nvcc.Compiled c = compiles(dir.resolve("vec_add_f32.cu"), cu);
        assertTrue(Files.readString(c.ptx()).contains(".entry vec_add_f32"));
    }
}
