package dev.proofline.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An expression over variables and literals, printed as Lean source and as Markdown mathematics; shared
 * by the bit-vector (mba) and natural-number (mutate) families.
 */
sealed interface Term {

    /** Binary operators with their Lean spelling, the spelling a person reads, and Lean's precedence. */
    enum Op {
        ADD("+", "+", 65), SUB("-", "−", 65), MUL("*", "·", 70), POW("^", "^", 75),
        AND("&&&", "&", 58), XOR("^^^", "⊕", 58), OR("|||", "|", 55);

        final String lean;
        final String math;
        final int prec;

        Op(String lean, String math, int prec) {
            this.lean = lean;
            this.math = math;
            this.prec = prec;
        }
    }

    record Var(String name) implements Term {}

    record Lit(long value) implements Term {}

    /** Bitwise complement. */
    record Not(Term arg) implements Term {}

    record Bin(Op op, Term left, Term right) implements Term {}

    static Term var(String name) {
        return new Var(name);
    }

    static Term lit(long value) {
        return new Lit(value);
    }

    static Term bin(Op op, Term l, Term r) {
        return new Bin(op, l, r);
    }

    default String lean() {
        return print(true);
    }

    default String math() {
        return print(false);
    }

    private String print(boolean lean) {
        if (this instanceof Var v) {
            return v.name();
        }
        if (this instanceof Lit l) {
            return Long.toString(l.value());
        }
        if (this instanceof Not n) {
            String inner = n.arg().print(lean);
            return (lean ? "~~~" : "~") + (n.arg() instanceof Bin ? "(" + inner + ")" : inner);
        }
        Bin b = (Bin) this;
        return child(b, b.left(), false, lean) + " " + (lean ? b.op().lean : b.op().math) + " " + child(b, b.right(), true, lean);
    }

    /**
     * Parenthesised unless precedence makes it plain: arithmetic by Lean's precedence, but a bitwise
     * operator next to any other operator always gets parentheses, since readers do not share Lean's
     * precedence for them ({@code x + y &&& z} is {@code (x + y) &&& z}).
     */
    private static String child(Bin parent, Term child, boolean right, boolean lean) {
        String s = child.print(lean);
        if (!(child instanceof Bin c)) {
            return s;
        }
        boolean rightAssoc = parent.op() == Op.POW;
        boolean sameChain = c.op() == parent.op() && right == rightAssoc;
        boolean bitwise = c.op().prec < Op.ADD.prec || parent.op().prec < Op.ADD.prec;
        boolean bare = sameChain || (!bitwise && c.op().prec > parent.op().prec);
        return bare ? s : "(" + s + ")";
    }

    /** The value with every variable as in {@code env}, modulo {@code mask + 1} (a power of two). */
    default long eval(Map<String, Long> env, long mask) {
        if (this instanceof Var v) {
            return env.get(v.name()) & mask;
        }
        if (this instanceof Lit l) {
            return l.value() & mask;
        }
        if (this instanceof Not n) {
            return ~n.arg().eval(env, mask) & mask;
        }
        Bin b = (Bin) this;
        long x = b.left().eval(env, mask);
        long y = b.right().eval(env, mask);
        return mask & switch (b.op()) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case POW -> {
                long r = 1;
                for (long i = 0; i < y; i++) {
                    r *= x;
                }
                yield r;
            }
            case AND -> x & y;
            case XOR -> x ^ y;
            case OR -> x | y;
        };
    }

    /** Every occurrence of {@code from} replaced by {@code to}. */
    default Term replace(Term from, Term to) {
        if (this.equals(from)) {
            return to;
        }
        if (this instanceof Not n) {
            return new Not(n.arg().replace(from, to));
        }
        if (this instanceof Bin b) {
            return new Bin(b.op(), b.left().replace(from, to), b.right().replace(from, to));
        }
        return this;
    }

    /** This term and all below it, parents first. */
    default List<Term> subterms() {
        List<Term> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Term t, List<Term> out) {
        out.add(t);
        if (t instanceof Not n) {
            collect(n.arg(), out);
        } else if (t instanceof Bin b) {
            collect(b.left(), out);
            collect(b.right(), out);
        }
    }

    default Set<String> vars() {
        Set<String> out = new TreeSet<>();
        for (Term t : subterms()) {
            if (t instanceof Var v) {
                out.add(v.name());
            }
        }
        return out;
    }

    default int size() {
        return subterms().size();
    }
}
