package dev.proofline.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/** Inputs and parameters for one run of a kernel: a shape, a value class and a seed. */
public record Workload(Launch launch, Map<String, int[]> inputs, Map<String, Integer> params) {

    public static Workload of(KernelIr ir, ElemType type, Map<String, Long> sizes, ValueClass values, int block, long seed) {
        Launch launch = Launch.covering(ir, block, sizes);
        Map<String, int[]> inputs = new LinkedHashMap<>();
        long s = seed;
        for (KernelIr.Array a : ir.inputs()) {
            inputs.put(a.name(), values.fill(type, Math.toIntExact(launch.length(a)), s++));
        }
        Map<String, Integer> params = new LinkedHashMap<>();
        for (String p : ir.params()) {
            params.put(p, values.fill(type, 1, s++)[0]);
        }
        return new Workload(launch, inputs, params);
    }

    /** These inputs and parameters, launched the way {@code other} covers the same sizes (e.g. a baseline kernel). */
    public Workload launchedFor(KernelIr other) {
        return new Workload(Launch.covering(other, launch.block(), launch.sizes()), inputs, params);
    }
}
