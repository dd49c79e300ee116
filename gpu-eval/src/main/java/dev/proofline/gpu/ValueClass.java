package dev.proofline.gpu;

import java.util.SplittableRandom;

/** Kinds of input data a kernel is checked on. */
public enum ValueClass {
    RANDOM, ZEROS, NEGATIVE, SPECIAL;

    /** Whether this class means anything for {@code type} (NaN and infinities only exist for floats). */
    public boolean appliesTo(ElemType type) {
        return this != SPECIAL || type == ElemType.F32;
    }

    /** {@code n} elements, reproducible from {@code seed}. */
    public int[] fill(ElemType type, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (this) {
                case ZEROS -> type.zero();
                case RANDOM -> type == ElemType.F32 ? ElemType.bits((float) r.nextDouble(-1, 1)) : r.nextInt(-1000, 1001);
                case NEGATIVE -> type == ElemType.F32 ? ElemType.bits((float) -r.nextDouble(1e-3, 100)) : -r.nextInt(1, 1001);
                case SPECIAL -> ElemType.bits(switch (r.nextInt(6)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    case 2 -> Float.NEGATIVE_INFINITY;
                    case 3 -> -0.0f;
                    case 4 -> Float.MIN_VALUE;
                    default -> (float) r.nextDouble(-1e30, 1e30);
                });
            };
        }
        return out;
    }
}
