package dev.proofline.gpu;

import java.util.Map;

/** One launch: a 1-D grid of {@code grid} blocks of {@code block} threads, and the kernel's size arguments. */
public record Launch(long grid, int block, Map<String, Long> sizes) {
    public Launch {
        if (block <= 0 || grid <= 0) {
            throw new IllegalArgumentException("launch needs at least one block of at least one thread");
        }
        sizes = Map.copyOf(sizes);
    }

    /** {@code ⌈work / block⌉} blocks, the way every shipped kernel is launched. */
    public static Launch covering(KernelIr ir, int block, Map<String, Long> sizes) {
        long work = Indexes.eval(ir.work(), sizes, 0, 0, block, 0, Map.of());
        return new Launch(Math.max(1, (work + block - 1) / block), block, sizes);
    }

    public long length(KernelIr.Array a) {
        return Indexes.eval(a.length(), sizes, 0, 0, block, grid, Map.of());
    }
}
