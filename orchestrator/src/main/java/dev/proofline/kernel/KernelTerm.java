package dev.proofline.kernel;

import dev.proofline.gpu.KernelIr;
import dev.proofline.gpu.KernelIr.Cond;
import dev.proofline.gpu.KernelIr.Index;
import dev.proofline.gpu.KernelIr.Stmt;
import dev.proofline.gpu.KernelIr.Value;
import java.util.List;
import java.util.function.Function;

/**
 * The IR Java will run, written back as a Lean {@code Kernel} term. The claim Proofline has judged is about
 * this term, so the kernel that was proved is, constructor for constructor, the kernel that runs: whatever a
 * candidate does to the text Lean prints, a different IR makes a different statement its proof does not prove.
 * Every constant is written from {@code _root_}, so nothing a candidate opens or declares changes what it names.
 */
final class KernelTerm {
    private static final String NS = "_root_.Proofline.Kernel.";

    private KernelTerm() {}

    static String of(KernelIr ir) {
        return "(" + NS + "Kernel.mk " + str(ir.name()) + " " + list(ir.sizes(), KernelTerm::str) + " "
                + list(ir.params(), KernelTerm::str) + " " + list(ir.inputs(), KernelTerm::array) + " "
                + list(ir.outputs(), KernelTerm::array) + " " + list(ir.shared(), KernelTerm::str) + " "
                + index(ir.work()) + " " + list(ir.phases(), KernelTerm::phase) + ")";
    }

    private static String phase(KernelIr.Phase p) {
        if (p instanceof KernelIr.Phase.Loop l) {
            return "(" + NS + "Phase.loop " + str(l.var()) + " " + index(l.bound()) + " " + list(l.body(), KernelTerm::phase) + ")";
        }
        return "(" + NS + "Phase.sync " + stmt(((KernelIr.Phase.Sync) p).stmt()) + ")";
    }

    private static String str(String s) {
        return "\"" + s + "\""; // IR names are identifiers (KernelIr validates them): nothing to escape
    }

    private static <T> String list(List<T> xs, Function<T, String> f) {
        return "[" + String.join(", ", xs.stream().map(f).toList()) + "]";
    }

    private static String array(KernelIr.Array a) {
        return "(" + str(a.name()) + ", " + index(a.length()) + ")";
    }

    private static String index(Index i) {
        if (i instanceof Index.Lit l) {
            return "(" + NS + "IExpr.lit " + l.n() + ")";
        } else if (i instanceof Index.Builtin b) {
            return NS + "IExpr." + b.which();
        } else if (i instanceof Index.Size s) {
            return "(" + NS + "IExpr.size " + str(s.name()) + ")";
        } else if (i instanceof Index.LoopVar v) {
            return "(" + NS + "IExpr.ivar " + str(v.name()) + ")";
        }
        Index.Bin b = (Index.Bin) i;
        return "(" + NS + "IExpr." + b.op() + " " + index(b.a()) + " " + index(b.b()) + ")";
    }

    private static String cond(Cond c) {
        if (c instanceof Cond.Cmp k) {
            return "(" + NS + "Cond." + k.op() + " " + index(k.a()) + " " + index(k.b()) + ")";
        }
        Cond.And a = (Cond.And) c;
        return "(" + NS + "Cond.and " + cond(a.a()) + " " + cond(a.b()) + ")";
    }

    private static String value(Value v) {
        if (v instanceof Value.Zero) {
            return NS + "VExpr.zero";
        } else if (v instanceof Value.Param p) {
            return "(" + NS + "VExpr.param " + str(p.name()) + ")";
        } else if (v instanceof Value.Local l) {
            return "(" + NS + "VExpr.var " + str(l.name()) + ")";
        } else if (v instanceof Value.Load l) {
            return "(" + NS + "VExpr." + (l.shared() ? "loadShared " : "load ") + str(l.array()) + " " + index(l.index()) + ")";
        } else if (v instanceof Value.One) {
            return NS + "VExpr.one";
        } else if (v instanceof Value.Unary u) {
            return "(" + NS + "VExpr." + u.op() + " " + value(u.a()) + ")";
        } else if (v instanceof Value.Select c) {
            return "(" + NS + "VExpr.select " + value(c.l()) + " " + value(c.r()) + " " + value(c.then()) + " "
                    + value(c.otherwise()) + ")";
        }
        Value.Bin b = (Value.Bin) v;
        return "(" + NS + "VExpr." + b.op() + " " + value(b.a()) + " " + value(b.b()) + ")";
    }

    private static String stmt(Stmt s) {
        if (s instanceof Stmt.Skip) {
            return NS + "Stmt.skip";
        } else if (s instanceof Stmt.Seq q) {
            return "(" + NS + "Stmt.seq " + stmt(q.a()) + " " + stmt(q.b()) + ")";
        } else if (s instanceof Stmt.If f) {
            return "(" + NS + "Stmt.ite " + cond(f.cond()) + " " + stmt(f.then()) + " " + stmt(f.otherwise()) + ")";
        } else if (s instanceof Stmt.Assign a) {
            return "(" + NS + "Stmt.assign " + str(a.local()) + " " + value(a.value()) + ")";
        } else if (s instanceof Stmt.For f) {
            return "(" + NS + "Stmt.loop " + str(f.var()) + " " + index(f.bound()) + " " + stmt(f.body()) + ")";
        }
        Stmt.Store st = (Stmt.Store) s;
        return "(" + NS + "Stmt." + (st.shared() ? "storeShared " : "store ") + str(st.array()) + " " + index(st.index())
                + " " + value(st.value()) + ")";
    }
}
