package dev.proofline.gpu;

/**
 * The scalar type a kernel is instantiated at. Values are held as raw 32-bit patterns (an {@code int}
 * per element) for both types, exactly as they travel to and from the device.
 */
public enum ElemType {
    F32("float", "f32"), I32("int", "i32");

    private final String cType;
    private final String suffix;

    ElemType(String cType, String suffix) {
        this.cType = cType;
        this.suffix = suffix;
    }

    public String cType() {
        return cType;
    }

    public String suffix() {
        return suffix;
    }

    public int zero() {
        return 0; // +0.0f and 0 are both all-zero bits
    }

    /**
     * The first index where two outputs differ bit for bit, any NaN being equal to any NaN (IEEE 754 leaves the
     * sign and payload of a NaN result unspecified, and the JIT may order an operation's operands either way);
     * -1 where none does.
     */
    public int firstDifference(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i] && !(this == F32 && Float.isNaN(f(a[i])) && Float.isNaN(f(b[i])))) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    public int add(int a, int b) {
        return this == F32 ? bits(f(a) + f(b)) : a + b;
    }

    public int mul(int a, int b) {
        return this == F32 ? bits(f(a) * f(b)) : a * b;
    }

    public int sub(int a, int b) {
        return this == F32 ? bits(f(a) - f(b)) : a - b;
    }

    /** IEEE division for floats ({@code -prec-div=true}); C's truncating division for ints, 0 for a zero divisor. */
    public int div(int a, int b) {
        return this == F32 ? bits(f(a) / f(b)) : b == 0 ? 0 : a / b;
    }

    public int neg(int a) {
        return this == F32 ? a ^ 0x80000000 : -a;
    }

    /** {@code expf}, within the FP32 tolerance of CUDA's (at most 2 ulp); no integer meaning. */
    public int exp(int a) {
        return bits((float) Math.exp(f(floatOnly(a, "exp"))));
    }

    /** {@code sqrtf}, correctly rounded as CUDA's is with {@code -prec-sqrt=true}; no integer meaning. */
    public int sqrt(int a) {
        return bits((float) Math.sqrt(f(floatOnly(a, "sqrt"))));
    }

    /** {@code a < b}: false when either float is NaN; signed for ints. */
    public boolean lt(int a, int b) {
        return this == F32 ? f(a) < f(b) : a < b;
    }

    public int one() {
        return this == F32 ? bits(1f) : 1;
    }

    private int floatOnly(int a, String op) {
        if (this != F32) {
            throw new IllegalArgumentException(op + " has no meaning for " + suffix + ": run this kernel for f32 only");
        }
        return a;
    }

    /** CUDA's {@code fmaxf} for floats (a NaN operand yields the other one), {@code max} for ints. */
    public int max(int a, int b) {
        if (this == I32) {
            return Math.max(a, b);
        }
        if (Float.isNaN(f(a))) {
            return b;
        }
        return Float.isNaN(f(b)) ? a : bits(Math.max(f(a), f(b)));
    }

    public String show(int v) {
        return this == F32 ? Float.toString(f(v)) : Integer.toString(v);
    }

    public static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    public static int bits(float v) {
        return Float.floatToRawIntBits(v);
    }
}
