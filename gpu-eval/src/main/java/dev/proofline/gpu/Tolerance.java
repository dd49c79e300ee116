package dev.proofline.gpu;

/**
 * How outputs are compared: integers exactly; floats with KernelBench's fp32 bounds
 * ({@code |a - b| ≤ atol + rtol·|b|}, 1e-4 each), NaN equal to NaN and an infinity only to itself.
 * Shipped kernels compute the spec's operations in the spec's order, so in practice the difference is 0.
 */
public record Tolerance(double atol, double rtol) {
    public static final Tolerance FP32 = new Tolerance(1e-4, 1e-4);

    public boolean close(ElemType type, int got, int want) {
        if (type == ElemType.I32) {
            return got == want;
        }
        float g = ElemType.f(got);
        float w = ElemType.f(want);
        if (Float.isNaN(g) || Float.isNaN(w) || Float.isInfinite(g) || Float.isInfinite(w)) {
            return Float.isNaN(g) && Float.isNaN(w) || g == w;
        }
        return Math.abs(g - w) <= atol + rtol * Math.abs(w);
    }

    /** The first index where {@code got} and {@code want} differ beyond tolerance, or -1. */
    public int firstMismatch(ElemType type, int[] got, int[] want) {
        if (got.length != want.length) {
            return 0;
        }
        for (int i = 0; i < got.length; i++) {
            if (!close(type, got[i], want[i])) {
                return i;
            }
        }
        return -1;
    }
}
