package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import dev.proofline.dataset.ProblemRecord.Expected;
import dev.proofline.generate.Term.Bin;
import dev.proofline.generate.Term.Not;
import dev.proofline.generate.Term.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Mixed boolean–arithmetic identities over {@code BitVec w}: a small target expression is rewritten a few
 * times with known MBA identities (e.g. {@code x + y = (x ^^^ y) + 2 * (x &&& y)}), then obfuscated by
 * substituting an invertible function for a variable on both sides ({@code x ↦ x ^^^ c}, {@code x + c},
 * {@code c * x} with c odd). Truth is checked here by evaluating every assignment. The reference proof is
 * {@code decide +kernel} after reverting the variables (the kernel tries every assignment), so inputs stay
 * at most 9 bits in all (w·vars ≤ 9: about a second); {@code bv_decide} is not available in this Lean
 * build (it needs {@code Std.Tactic.BVDecide} and an external SAT solver) and {@code bv_omega} does not
 * handle the bitwise operators. Half the identities come with a false control: one operator or constant
 * of the obfuscated side changed so that some assignment tells the sides apart.
 */
final class Mba implements Generator {
    private static final String[] VARS = {"x", "y", "z"};

    /** Rewrites that hold at every width; each applies to a node of one shape. */
    private static final List<Function<Term, Optional<Term>>> IDENTITIES = List.of(
            t -> op(t, Op.ADD).map(b -> Term.bin(Op.ADD, Term.bin(Op.XOR, b.left(), b.right()),
                    Term.bin(Op.MUL, Term.lit(2), Term.bin(Op.AND, b.left(), b.right())))),
            t -> op(t, Op.ADD).map(b -> Term.bin(Op.ADD, Term.bin(Op.OR, b.left(), b.right()), Term.bin(Op.AND, b.left(), b.right()))),
            t -> op(t, Op.XOR).map(b -> Term.bin(Op.SUB, Term.bin(Op.OR, b.left(), b.right()), Term.bin(Op.AND, b.left(), b.right()))),
            t -> op(t, Op.OR).map(b -> Term.bin(Op.ADD, Term.bin(Op.XOR, b.left(), b.right()), Term.bin(Op.AND, b.left(), b.right()))),
            t -> op(t, Op.AND).map(b -> Term.bin(Op.SUB, Term.bin(Op.ADD, b.left(), b.right()), Term.bin(Op.OR, b.left(), b.right()))),
            t -> op(t, Op.SUB).map(b -> Term.bin(Op.ADD, Term.bin(Op.ADD, b.left(), new Not(b.right())), Term.lit(1))),
            t -> op(t, Op.XOR).map(b -> Term.bin(Op.OR, Term.bin(Op.AND, b.left(), new Not(b.right())),
                    Term.bin(Op.AND, new Not(b.left()), b.right()))),
            t -> op(t, Op.OR).map(b -> Term.bin(Op.SUB, Term.bin(Op.ADD, b.left(), b.right()), Term.bin(Op.AND, b.left(), b.right()))));

    private static final Op[] TARGET_OPS = {Op.ADD, Op.SUB, Op.XOR, Op.OR, Op.AND};

    @Override
    public String family() {
        return "mba";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<ProblemRecord> draw(Random rnd) {
        int vars = 2 + rnd.nextInt(2);
        int width = vars == 2 ? 3 + rnd.nextInt(2) : 2 + rnd.nextInt(2);
        long mask = (1L << width) - 1;
        List<Term> leaves = new ArrayList<>();
        for (int i = 0; i < vars; i++) {
            leaves.add(Term.var(VARS[i]));
        }
        Term target = Term.bin(pick(TARGET_OPS, rnd), leaves.get(0), leaves.get(1));
        if (vars == 3) {
            target = rnd.nextBoolean() ? Term.bin(pick(TARGET_OPS, rnd), target, leaves.get(2))
                    : Term.bin(pick(TARGET_OPS, rnd), leaves.get(2), target);
        }
        int rewrites = 1 + rnd.nextInt(3);
        Term obfuscated = target;
        int applied = 0;
        for (int i = 0; i < rewrites; i++) {
            List<Term> sites = obfuscated.subterms();
            Term site = sites.get(rnd.nextInt(sites.size()));
            Function<Term, Optional<Term>> rule = IDENTITIES.get(rnd.nextInt(IDENTITIES.size()));
            Optional<Term> rewritten = rule.apply(site);
            if (rewritten.isPresent()) {
                obfuscated = obfuscated.replace(site, rewritten.get());
                applied++;
            }
        }
        if (applied == 0 || obfuscated.size() > 30) {
            return List.of();
        }
        String substituted = null;
        if (rnd.nextBoolean()) {
            Term v = leaves.get(rnd.nextInt(vars));
            long c = 1 + rnd.nextInt((int) mask);
            Term f = switch (rnd.nextInt(3)) {
                case 0 -> Term.bin(Op.XOR, v, Term.lit(c));
                case 1 -> Term.bin(Op.ADD, v, Term.lit(c));
                default -> Term.bin(Op.MUL, Term.lit(c | 1), v);
            };
            obfuscated = obfuscated.replace(v, f);
            target = target.replace(v, f);
            substituted = f.lean();
        }
        if (!holds(obfuscated, target, leaves, mask)) {
            throw new IllegalStateException("an MBA identity failed its own check: " + obfuscated.lean() + " = " + target.lean());
        }
        int difficulty = applied + (substituted == null ? 0 : 1);
        List<ProblemRecord> out = new ArrayList<>();
        out.add(record(obfuscated, target, vars, width, difficulty, applied, substituted, Expected.provable));
        if (rnd.nextBoolean()) {
            Term broken = perturb(obfuscated, rnd);
            if (!holds(broken, target, leaves, mask)) {
                out.add(record(broken, target, vars, width, difficulty, applied, substituted, Expected.false_control));
            }
        }
        return out;
    }

    /** One operator swapped for another, or one literal increased. */
    private static Term perturb(Term t, Random rnd) {
        List<Term> sites = t.subterms().stream().filter(s -> s instanceof Bin || s instanceof Term.Lit).toList();
        Term site = sites.get(rnd.nextInt(sites.size()));
        Term changed;
        if (site instanceof Bin b) {
            List<Op> others = java.util.Arrays.stream(TARGET_OPS).filter(o -> o != b.op()).toList();
            changed = Term.bin(others.get(rnd.nextInt(others.size())), b.left(), b.right());
        } else {
            changed = Term.lit(((Term.Lit) site).value() + 1);
        }
        return t.replace(site, changed);
    }

    /** Whether both sides agree on every assignment of the variables at this width. */
    static boolean holds(Term lhs, Term rhs, List<Term> vars, long mask) {
        int n = vars.size();
        int bits = Long.numberOfTrailingZeros(mask + 1);
        for (long code = 0; code < 1L << (bits * n); code++) {
            Map<String, Long> env = new HashMap<>();
            for (int i = 0; i < n; i++) {
                env.put(((Term.Var) vars.get(i)).name(), (code >> (bits * i)) & mask);
            }
            if (lhs.eval(env, mask) != rhs.eval(env, mask)) {
                return false;
            }
        }
        return true;
    }

    private ProblemRecord record(Term lhs, Term rhs, int vars, int width, int difficulty, int rewrites,
                                 String substituted, Expected expected) {
        List<String> names = List.of(VARS).subList(0, vars);
        String binders = String.join(" ", names);
        String statement = "theorem " + ProblemRecord.NAME_SLOT + " (" + binders + " : BitVec " + width + ") : "
                + lhs.lean() + " = " + rhs.lean();
        String informal = "For all " + width + "-bit words " + String.join(", ", names) + " (arithmetic modulo 2^" + width
                + "; `&`, `|`, `⊕`, `~` are bitwise and, or, exclusive or, complement):\n\n"
                + "$$" + lhs.math() + " = " + rhs.math() + "$$\n";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("width", width);
        params.put("vars", vars);
        params.put("rewrites", rewrites);
        if (substituted != null) {
            params.put("substituted", substituted);
        }
        return ProblemRecord.generated(family(), List.of("Init"), "", statement, informal,
                "by revert " + binders + "; decide +kernel", expected, difficulty, params);
    }

    private static Optional<Bin> op(Term t, Op op) {
        return t instanceof Bin b && b.op() == op ? Optional.of(b) : Optional.empty();
    }

    private static <T> T pick(T[] options, Random rnd) {
        return options[rnd.nextInt(options.length)];
    }
}
