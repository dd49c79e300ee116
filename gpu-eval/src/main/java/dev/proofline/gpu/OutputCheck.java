package dev.proofline.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a sequence of GPU runs of one kernel at one shape and type, each against the interpreter.
 * Outputs are poisoned with {@link #POISON} before every launch, so an element still holding it was not
 * written by that launch. Consecutive runs get different inputs; where the spec's result changed but
 * the GPU's did not, the kernel returned results cached from the previous input.
 */
public final class OutputCheck {
    /** Written over every output before each launch; as a float, -6.3e18. */
    public static final int POISON = 0xDEADBEEF;

    private final ElemType type;
    private final Tolerance tolerance;
    private Map<String, int[]> previousGot;
    private Map<String, int[]> previousWant;

    public OutputCheck(ElemType type, Tolerance tolerance) {
        this.type = type;
        this.tolerance = tolerance;
    }

    /** Problems of this run (empty when it matches the interpreter); it becomes the previous run. */
    public List<String> next(Map<String, int[]> got, Map<String, int[]> want) {
        List<String> out = new ArrayList<>();
        want.forEach((name, w) -> {
            int[] g = got.get(name);
            if (g == null || g.length != w.length) {
                out.add("output " + name + " has " + (g == null ? "no" : g.length) + " elements, expected " + w.length);
                return;
            }
            unwritten(name, g, w, out);
            if (previousGot != null) {
                stale(name, g, w, previousGot.get(name), previousWant.get(name), out);
            }
            int i = tolerance.firstMismatch(type, g, w);
            if (i >= 0) {
                out.add("output " + name + "[" + i + "] = " + type.show(g[i]) + ", the interpreter says " + type.show(w[i]));
            }
        });
        previousGot = got;
        previousWant = want;
        return out;
    }

    private static void unwritten(String name, int[] got, int[] want, List<String> out) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            if (got[i] == POISON && want[i] != POISON) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        if (count > 0) {
            out.add(String.format("output %s: %d of %d elements still hold the poison 0x%08X (not written by the launch), first [%d]",
                    name, count, got.length, POISON, first));
        }
    }

    private void stale(String name, int[] got, int[] want, int[] prevGot, int[] prevWant, List<String> out) {
        if (prevGot == null || prevGot.length != got.length) {
            return;
        }
        int count = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            if (!tolerance.close(type, want[i], prevWant[i]) && got[i] == prevGot[i]) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        if (count > 0) {
            out.add(String.format("output %s: %d elements repeat the previous input's results where the spec's changed "
                    + "(cached results?), first [%d]", name, count, first));
        }
    }
}
