package dev.proofline.gpu;

import java.util.Map;

/** Index arithmetic with the Lean semantics of {@code Nat}: {@code x / 0 = 0}, {@code x % 0 = x}. */
final class Indexes {
    private Indexes() {}

    static long eval(KernelIr.Index e, Map<String, Long> sizes, long bid, long tid, long bdim, long gdim,
                     Map<String, Long> loopVars) {
        if (e instanceof KernelIr.Index.Lit l) {
            return l.n();
        } else if (e instanceof KernelIr.Index.Builtin b) {
            return switch (b.which()) {
                case "tid" -> tid;
                case "bid" -> bid;
                case "bdim" -> bdim;
                default -> gdim;
            };
        } else if (e instanceof KernelIr.Index.Size s) {
            Long v = sizes.get(s.name());
            if (v == null) {
                throw new IllegalArgumentException("no value given for size '" + s.name() + "'");
            }
            return v;
        } else if (e instanceof KernelIr.Index.LoopVar v) {
            return loopVars.get(v.name());
        }
        KernelIr.Index.Bin b = (KernelIr.Index.Bin) e;
        long x = eval(b.a(), sizes, bid, tid, bdim, gdim, loopVars);
        long y = eval(b.b(), sizes, bid, tid, bdim, gdim, loopVars);
        return switch (b.op()) {
            case "add" -> x + y;
            case "mul" -> x * y;
            case "div" -> y == 0 ? 0 : x / y;
            default -> y == 0 ? x : x % y;
        };
    }
}
