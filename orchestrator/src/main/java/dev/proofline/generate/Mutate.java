package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import dev.proofline.dataset.ProblemRecord.Expected;
import dev.proofline.generate.Term.Bin;
import dev.proofline.generate.Term.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * New theorems from proved ones, as in Alchemy: a seed theorem about natural numbers (stated here with its
 * proof from Init's lemmas) is specialised (a variable becomes a term such as {@code 2 * d}), rewritten
 * with an equation the library knows ({@code rw [Nat.two_mul d]}, either direction: rw-style), and has a
 * hypothesis replaced by a stronger premise ({@code a < b} for {@code a ≤ b} via {@code Nat.le_of_lt}:
 * apply-style). The reference proof is built from the original: it restates the seed at the instance with
 * the seed's own proof, derives the old premises from the new ones, and replays the rewrites; a mutant is
 * kept only if Lean accepts that proof. No false controls: every mutant is provable by construction.
 */
final class Mutate implements Generator {

    /** A relation between two natural-number terms. */
    record Rel(String op, Term left, Term right) {
        String lean() {
            return left.lean() + " " + op + " " + right.lean();
        }

        String math() {
            return left.math() + " " + op + " " + right.math();
        }

        Rel replace(Term from, Term to) {
            return new Rel(op, left.replace(from, to), right.replace(from, to));
        }

        List<Term> subterms() {
            List<Term> out = new ArrayList<>(left.subterms());
            out.addAll(right.subterms());
            return out;
        }
    }

    /** A proved theorem: variables, hypotheses {@code h1, h2, …}, conclusion, and a proof with {@code {v}} for each variable. */
    record Seed(String name, List<String> vars, List<Rel> hyps, Rel concl, String proof) {}

    /** An equation of the library, {@code lemma args : lhs = rhs}, in the pattern variables p, q, r. */
    record Equation(String lemma, List<String> args, Term lhs, Term rhs) {}

    /** A premise that implies {@code weaker}: {@code lemma h : weaker} for {@code h : stronger}. */
    record Strengthening(String weakerOp, String strongerOp, boolean succLeft, String lemma) {}

    private static final Term P = Term.var("?p");
    private static final Term Q = Term.var("?q");
    private static final Term R = Term.var("?r");

    static final List<Seed> SEEDS = List.of(
            seed("add_comm", "a b", List.of(), rel("=", add(v("a"), v("b")), add(v("b"), v("a"))), "Nat.add_comm {a} {b}"),
            seed("mul_comm", "a b", List.of(), rel("=", mul(v("a"), v("b")), mul(v("b"), v("a"))), "Nat.mul_comm {a} {b}"),
            seed("add_assoc", "a b c", List.of(), rel("=", add(add(v("a"), v("b")), v("c")), add(v("a"), add(v("b"), v("c")))),
                    "Nat.add_assoc {a} {b} {c}"),
            seed("mul_assoc", "a b c", List.of(), rel("=", mul(mul(v("a"), v("b")), v("c")), mul(v("a"), mul(v("b"), v("c")))),
                    "Nat.mul_assoc {a} {b} {c}"),
            seed("left_distrib", "a b c", List.of(), rel("=", mul(v("a"), add(v("b"), v("c"))),
                    add(mul(v("a"), v("b")), mul(v("a"), v("c")))), "Nat.left_distrib {a} {b} {c}"),
            seed("right_distrib", "a b c", List.of(), rel("=", mul(add(v("a"), v("b")), v("c")),
                    add(mul(v("a"), v("c")), mul(v("b"), v("c")))), "Nat.right_distrib {a} {b} {c}"),
            seed("le_add_right", "a b", List.of(), rel("≤", v("a"), add(v("a"), v("b"))), "Nat.le_add_right {a} {b}"),
            seed("add_sub_cancel", "a b", List.of(), rel("=", Term.bin(Op.SUB, add(v("a"), v("b")), v("b")), v("a")),
                    "Nat.add_sub_cancel {a} {b}"),
            seed("add_le_add_right", "a b c", List.of(rel("≤", v("a"), v("b"))), rel("≤", add(v("a"), v("c")), add(v("b"), v("c"))),
                    "Nat.add_le_add_right h1 {c}"),
            seed("mul_le_mul_right", "a b c", List.of(rel("≤", v("a"), v("b"))), rel("≤", mul(v("a"), v("c")), mul(v("b"), v("c"))),
                    "Nat.mul_le_mul_right {c} h1"),
            seed("le_trans", "a b c", List.of(rel("≤", v("a"), v("b")), rel("≤", v("b"), v("c"))), rel("≤", v("a"), v("c")),
                    "Nat.le_trans h1 h2"),
            seed("lt_trans", "a b c", List.of(rel("<", v("a"), v("b")), rel("<", v("b"), v("c"))), rel("<", v("a"), v("c")),
                    "Nat.lt_trans h1 h2"),
            seed("lt_add_of_pos_right", "a b", List.of(rel("<", Term.lit(0), v("b"))), rel("<", v("a"), add(v("a"), v("b"))),
                    "Nat.lt_add_of_pos_right h1"),
            seed("sub_add_cancel", "a b", List.of(rel("≤", v("b"), v("a"))), rel("=", add(Term.bin(Op.SUB, v("a"), v("b")), v("b")), v("a")),
                    "Nat.sub_add_cancel h1"),
            seed("pow_two", "a", List.of(), rel("=", Term.bin(Op.POW, v("a"), Term.lit(2)), mul(v("a"), v("a"))), "Nat.pow_two {a}"));

    static final List<Equation> EQUATIONS = List.of(
            eq("Nat.add_comm", "p q", add(P, Q), add(Q, P)),
            eq("Nat.mul_comm", "p q", mul(P, Q), mul(Q, P)),
            eq("Nat.two_mul", "p", mul(Term.lit(2), P), add(P, P)),
            eq("Nat.mul_two", "p", mul(P, Term.lit(2)), add(P, P)),
            eq("Nat.add_assoc", "p q r", add(add(P, Q), R), add(P, add(Q, R))),
            eq("Nat.mul_assoc", "p q r", mul(mul(P, Q), R), mul(P, mul(Q, R))),
            eq("Nat.left_distrib", "p q r", mul(P, add(Q, R)), add(mul(P, Q), mul(P, R))),
            eq("Nat.right_distrib", "p q r", mul(add(P, Q), R), add(mul(P, R), mul(Q, R))),
            eq("Nat.pow_two", "p", Term.bin(Op.POW, P, Term.lit(2)), mul(P, P)),
            eq("Nat.add_zero", "p", add(P, Term.lit(0)), P),
            eq("Nat.mul_one", "p", mul(P, Term.lit(1)), P),
            eq("Nat.one_mul", "p", mul(Term.lit(1), P), P));

    static final List<Strengthening> STRENGTHENINGS = List.of(
            new Strengthening("≤", "<", false, "Nat.le_of_lt"),
            new Strengthening("≤", "=", false, "Nat.le_of_eq"),
            new Strengthening("<", "<", true, "Nat.lt_of_succ_lt"),
            new Strengthening("<", "≤", true, "Nat.lt_of_succ_le"));

    private static final List<String> FRESH = List.of("d", "e", "m", "n", "k");

    @Override
    public String family() {
        return "mutate";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<ProblemRecord> draw(Random rnd) {
        ProblemRecord r = mutant(SEEDS.get(rnd.nextInt(SEEDS.size())), rnd);
        return r == null ? List.of() : List.of(r);
    }

    /** One mutant of {@code seed}, or null when the dice gave nothing new. */
    private ProblemRecord mutant(Seed seed, Random rnd) {
        List<String> vars = new ArrayList<>(seed.vars());
        Map<String, Term> instance = new LinkedHashMap<>();
        seed.vars().forEach(x -> instance.put(x, Term.var(x)));
        List<String> steps = new ArrayList<>();
        if (rnd.nextInt(3) > 0) {
            String x = seed.vars().get(rnd.nextInt(seed.vars().size()));
            Term d = Term.var(FRESH.get(0));
            Term e = Term.var(FRESH.get(1));
            Term by = switch (rnd.nextInt(6)) {
                case 0 -> mul(Term.lit(2), d);
                case 1 -> add(d, Term.lit(1));
                case 2 -> mul(d, e);
                case 3 -> add(d, e);
                case 4 -> Term.bin(Op.POW, d, Term.lit(2));
                default -> add(d, d);
            };
            instance.put(x, by);
            int at = vars.indexOf(x);
            vars.remove(at);
            vars.addAll(at, by.vars());
            steps.add("specialise " + x + " := " + by.lean());
        }
        List<Rel> hyps = seed.hyps().stream().map(h -> substitute(h, instance)).toList();
        Rel instanceConcl = substitute(seed.concl(), instance);
        Rel concl = instanceConcl;

        List<String> rewrites = new ArrayList<>();
        int wanted = 1 + rnd.nextInt(2);
        for (int attempt = 0; attempt < 8 && rewrites.size() < wanted; attempt++) {
            Equation eq = EQUATIONS.get(rnd.nextInt(EQUATIONS.size()));
            boolean backward = rnd.nextInt(3) == 0;
            Term from = backward ? eq.rhs() : eq.lhs();
            Term to = backward ? eq.lhs() : eq.rhs();
            List<Map<String, Term>> matches = new ArrayList<>();
            for (Term t : concl.subterms()) {
                Map<String, Term> m = new HashMap<>();
                if (match(from, t, m) && m.size() == eq.args().size()) {
                    matches.add(m);
                }
            }
            if (matches.isEmpty()) {
                continue;
            }
            Map<String, Term> m = matches.get(rnd.nextInt(matches.size()));
            if (instantiate(from, m).equals(instantiate(to, m))) {
                continue;
            }
            concl = concl.replace(instantiate(from, m), instantiate(to, m));
            StringBuilder rw = new StringBuilder(backward ? "← " : "").append(eq.lemma());
            eq.args().forEach(a -> rw.append(' ').append(paren(m.get(a))));
            rewrites.add(rw.toString());
            steps.add("rw [" + rw + "]");
        }

        List<Rel> premises = new ArrayList<>(hyps);
        List<String> derive = new ArrayList<>();
        for (int i = 0; i < premises.size(); i++) {
            if (rnd.nextBoolean()) {
                continue;
            }
            Rel h = premises.get(i);
            List<Strengthening> fits = STRENGTHENINGS.stream().filter(s -> s.weakerOp().equals(h.op())).toList();
            if (fits.isEmpty()) {
                continue;
            }
            Strengthening s = fits.get(rnd.nextInt(fits.size()));
            premises.set(i, new Rel(s.strongerOp(), s.succLeft() ? succ(h.left()) : h.left(), h.right()));
            derive.add("have h" + (i + 1) + " : " + h.lean() + " := " + s.lemma() + " h" + (i + 1));
            steps.add("premise h" + (i + 1) + " : " + premises.get(i).lean() + " for " + h.lean() + " (" + s.lemma() + ")");
        }
        if (derive.isEmpty() && concl.equals(instanceConcl) || concl.left().equals(concl.right())) {
            return null;
        }

        String proofInstance = seed.proof();
        for (Map.Entry<String, Term> x : instance.entrySet()) {
            proofInstance = proofInstance.replace("{" + x.getKey() + "}", paren(x.getValue()));
        }
        StringBuilder proof = new StringBuilder("by\n");
        derive.forEach(d -> proof.append("  ").append(d).append('\n'));
        proof.append("  have h : ").append(instanceConcl.lean()).append(" := ").append(proofInstance).append('\n');
        rewrites.forEach(rw -> proof.append("  rw [").append(rw).append("] at h\n"));
        proof.append("  exact h");

        StringBuilder statement = new StringBuilder("theorem " + ProblemRecord.NAME_SLOT + " (" + String.join(" ", vars) + " : Nat)");
        for (int i = 0; i < premises.size(); i++) {
            statement.append(" (h").append(i + 1).append(" : ").append(premises.get(i).lean()).append(")");
        }
        statement.append(" : ").append(concl.lean());

        StringBuilder informal = new StringBuilder("For all natural numbers ").append(list(vars))
                .append(statement.indexOf(" - ") >= 0 ? " (subtraction stops at 0)" : "");
        if (!premises.isEmpty()) {
            informal.append(", if ").append(String.join(" and ", premises.stream().map(h -> "$" + h.math() + "$").toList()))
                    .append(", then");
        }
        informal.append(":\n\n$$").append(concl.math()).append("$$\n");

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("seed", seed.name());
        params.put("mutations", steps);
        return ProblemRecord.generated(family(), List.of("Init"), "", statement.toString(), informal.toString(),
                proof.toString(), Expected.provable, steps.size(), params);
    }

    /** Whether {@code t} is an instance of {@code pattern}; pattern variables ({@code ?p}) are bound in {@code m}. */
    static boolean match(Term pattern, Term t, Map<String, Term> m) {
        if (pattern instanceof Term.Var v && v.name().startsWith("?")) {
            Term bound = m.putIfAbsent(v.name().substring(1), t);
            return bound == null || bound.equals(t);
        }
        if (pattern instanceof Bin p && t instanceof Bin b) {
            return p.op() == b.op() && match(p.left(), b.left(), m) && match(p.right(), b.right(), m);
        }
        return pattern.equals(t);
    }

    private static Term instantiate(Term pattern, Map<String, Term> m) {
        Term out = pattern;
        for (Map.Entry<String, Term> e : m.entrySet()) {
            out = out.replace(Term.var("?" + e.getKey()), e.getValue());
        }
        return out;
    }

    private static Rel substitute(Rel r, Map<String, Term> instance) {
        Rel out = r;
        // through placeholders, so that a variable's term may mention another variable's name
        for (String x : instance.keySet()) {
            out = out.replace(Term.var(x), Term.var("?" + x));
        }
        for (Map.Entry<String, Term> x : instance.entrySet()) {
            out = out.replace(Term.var("?" + x.getKey()), x.getValue());
        }
        return out;
    }

    private static Term succ(Term t) {
        return t instanceof Term.Lit l ? Term.lit(l.value() + 1) : add(t, Term.lit(1));
    }

    private static String paren(Term t) {
        return t instanceof Bin ? "(" + t.lean() + ")" : t.lean();
    }

    private static String list(List<String> xs) {
        return xs.size() == 1 ? xs.get(0)
                : String.join(", ", xs.subList(0, xs.size() - 1)) + " and " + xs.get(xs.size() - 1);
    }

    private static Seed seed(String name, String vars, List<Rel> hyps, Rel concl, String proof) {
        return new Seed(name, List.of(vars.split(" ")), hyps, concl, proof);
    }

    private static Equation eq(String lemma, String args, Term lhs, Term rhs) {
        return new Equation(lemma, List.of(args.split(" ")), lhs, rhs);
    }

    private static Rel rel(String op, Term l, Term r) {
        return new Rel(op, l, r);
    }

    private static Term v(String name) {
        return Term.var(name);
    }

    private static Term add(Term l, Term r) {
        return Term.bin(Op.ADD, l, r);
    }

    private static Term mul(Term l, Term r) {
        return Term.bin(Op.MUL, l, r);
    }
}
