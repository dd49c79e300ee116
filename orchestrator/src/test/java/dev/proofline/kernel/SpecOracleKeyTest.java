package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proofline.gpu.ElemType;
import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.ValueClass;
import dev.proofline.gpu.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Saved spec outputs are found on another machine by their workload's key, so the key is the same in every JVM:
 * a Map.copyOf's iteration order is not (it is salted per run), which once made shapes of several sizes miss.
 */
class SpecOracleKeyTest {
    @Test
    void theKeyOfAWorkloadIsFixed() {
        KernelIr ir = KernelIr.parse(ReducedKernel.json(ReducedKernelTest.SAXPY));
        Workload w = Workload.of(ir, ElemType.F32, Map.of("n", 3L, "m", 2L, "k", 5L), ValueClass.RANDOM, 256, 42);
        assertEquals("63f8ac50c8e8a7c959a8f02c", SpecOracle.key(ir, ElemType.F32, w));
    }
}
