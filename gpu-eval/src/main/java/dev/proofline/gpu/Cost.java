package dev.proofline.gpu;

/**
 * What one launch must do at a shape: {@code bytes} of compulsory DRAM traffic (every input element read
 * once, every output element written once, 4 bytes each) and {@code flops}, the arithmetic operations
 * (add, mul, max) the interpreter counted. A kernel that rereads data (naive matmul) moves more, so the
 * speed of light computed from this is a lower bound on its time.
 */
public record Cost(long bytes, long flops) {

    public static Cost of(KernelIr ir, Launch launch, long operations) {
        long elements = 0;
        for (KernelIr.Array a : ir.inputs()) {
            elements += launch.length(a);
        }
        for (KernelIr.Array a : ir.outputs()) {
            elements += launch.length(a);
        }
        return new Cost(4 * elements, operations);
    }
}
