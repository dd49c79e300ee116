package dev.proofline.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kernel's IR, as exported from its verified definition: sizes, scalar parameters, read-only inputs,
 * write-only outputs, per-block shared arrays ({@code blockDim} elements each) and phases separated by
 * barriers, where a phase may be a loop over phases (a barrier inside a loop). Parsing validates it: anything
 * outside this shape (unknown node, a load from an output, a phase reading shared memory it also writes, a
 * phase loop whose bound depends on the thread) is rejected, so the IR has no side channel.
 */
public record KernelIr(String name, List<String> sizes, List<String> params, List<Array> inputs,
                       List<Array> outputs, List<String> shared, Index work, List<Phase> phases) {

    public record Array(String name, Index length) {}

    /**
     * What a caller of the kernel sees: sizes, parameters, inputs and outputs with their lengths. Kernels with
     * equal signatures run on the same workloads, so one can be timed as the other's baseline.
     */
    public record Signature(List<String> sizes, List<String> params, List<Array> inputs, List<Array> outputs) {
        /** E.g. {@code (n; alpha) x[n], y[n] → out[n]}. */
        @Override
        public String toString() {
            return "(" + String.join(", ", sizes) + (params.isEmpty() ? "" : "; " + String.join(", ", params)) + ") "
                    + arrays(inputs) + " → " + arrays(outputs);
        }

        private static String arrays(List<Array> as) {
            return String.join(", ", as.stream().map(a -> a.name() + "[" + describe(a.length()) + "]").toList());
        }

        private static String describe(Index e) {
            if (e instanceof Index.Lit l) {
                return Long.toString(l.n());
            } else if (e instanceof Index.Builtin b) {
                return b.which();
            } else if (e instanceof Index.Size s) {
                return s.name();
            } else if (e instanceof Index.LoopVar v) {
                return v.name();
            }
            Index.Bin b = (Index.Bin) e;
            return "(" + describe(b.a()) + " " + b.op() + " " + describe(b.b()) + ")";
        }
    }

    public Signature signature() {
        return new Signature(sizes, params, inputs, outputs);
    }

    public sealed interface Index {
        record Lit(long n) implements Index {}
        record Builtin(String which) implements Index {} // tid, bid, bdim, gdim
        record Size(String name) implements Index {}
        record LoopVar(String name) implements Index {}
        record Bin(String op, Index a, Index b) implements Index {} // add, mul, div, mod
    }

    public sealed interface Cond {
        record Cmp(String op, Index a, Index b) implements Cond {} // lt, eq
        record And(Cond a, Cond b) implements Cond {}
    }

    public sealed interface Value {
        record Zero() implements Value {}
        record Param(String name) implements Value {}
        record Local(String name) implements Value {}
        record Load(String array, Index index, boolean shared) implements Value {}
        record One() implements Value {}
        record Bin(String op, Value a, Value b) implements Value {} // add, sub, mul, div, max
        record Unary(String op, Value a) implements Value {} // neg, exp, sqrt
        /** {@code l < r ? then : otherwise}, comparing scalars. */
        record Select(Value l, Value r, Value then, Value otherwise) implements Value {}
    }

    public sealed interface Stmt {
        record Skip() implements Stmt {}
        record Seq(Stmt a, Stmt b) implements Stmt {}
        record If(Cond cond, Stmt then, Stmt otherwise) implements Stmt {}
        record Assign(String local, Value value) implements Stmt {}
        record For(String var, Index bound, Stmt body) implements Stmt {}
        record Store(String array, Index index, Value value, boolean shared) implements Stmt {}
    }

    /**
     * What runs between barriers. In JSON a {@code Sync} phase is its statement and a {@code Loop} is
     * {@code ["phase_loop", var, bound, [phases]]}: every phase of the body, in every iteration, ends at a
     * barrier. The bound is uniform across the block (it may not mention {@code tid}), so every thread
     * reaches every barrier equally often, as CUDA requires.
     */
    public sealed interface Phase {
        record Sync(Stmt stmt) implements Phase {}
        record Loop(String var, Index bound, List<Phase> body) implements Phase {}
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<String> RESERVED = Set.of("int", "float", "double", "char", "long", "short", "unsigned",
            "signed", "void", "if", "else", "for", "while", "do", "return", "const", "static", "struct", "union",
            "enum", "switch", "case", "default", "break", "continue", "goto", "sizeof", "typedef", "volatile",
            "register", "extern", "auto", "inline", "restrict", "threadIdx", "blockIdx", "blockDim", "gridDim",
            "idx_t", "T", "true", "false", "bool", "new", "delete", "this", "class", "template", "namespace");

    /** Parses and validates IR JSON; the message of the exception names what is wrong. */
    public static KernelIr parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("kernel IR is not JSON: " + e.getMessage(), e);
        }
        Parser p = new Parser();
        KernelIr ir = new KernelIr(p.ident(root.path("name")), p.names(root.path("sizes")), p.names(root.path("params")),
                p.arrays(root.path("inputs")), p.arrays(root.path("outputs")), p.names(root.path("shared")),
                p.index(root.path("work")), p.phases(root.path("phases")));
        ir.validate();
        return ir;
    }

    private void validate() {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>(sizes);
        all.addAll(params);
        inputs.forEach(a -> all.add(a.name()));
        outputs.forEach(a -> all.add(a.name()));
        all.addAll(shared);
        for (String n : all) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("kernel " + name + ": name '" + n + "' is declared twice");
            }
        }
        validatePhases(phases, seen, new ArrayList<>(), new int[] {0});
    }

    /** Phases in order, numbered as they are written (a loop's body counts once); {@code loops}: enclosing loop variables. */
    private void validatePhases(List<Phase> ps, Set<String> globals, List<String> loops, int[] count) {
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("kernel " + name + ": no phases" + (loops.isEmpty() ? "" : " in a phase loop"));
        }
        for (Phase ph : ps) {
            int i = count[0]++;
            Scope s = new Scope(i, globals);
            s.loopVars.addAll(loops);
            if (ph instanceof Phase.Loop l) {
                if (globals.contains(l.var()) || loops.contains(l.var())) {
                    throw s.bad("phase loop variable '" + l.var() + "' shadows another name");
                }
                if (mentionsTid(l.bound())) {
                    throw s.bad("the bound of phase loop '" + l.var() + "' depends on the thread (tid): every thread "
                            + "of a block must reach each barrier equally often");
                }
                s.index(l.bound());
                count[0]--; // the loop itself is not a phase; its body's phases are
                List<String> inner = new ArrayList<>(loops);
                inner.add(l.var());
                validatePhases(l.body(), globals, inner, count);
                continue;
            }
            s.stmt(((Phase.Sync) ph).stmt());
            Set<String> both = new HashSet<>(s.sharedReads);
            both.retainAll(s.sharedWrites);
            if (!both.isEmpty()) {
                throw new IllegalArgumentException("kernel " + name + ", phase " + i + ": reads and writes shared "
                        + both + " without a barrier between");
            }
        }
    }

    private static boolean mentionsTid(Index i) {
        if (i instanceof Index.Builtin b) {
            return b.which().equals("tid");
        } else if (i instanceof Index.Bin b) {
            return mentionsTid(b.a()) || mentionsTid(b.b());
        }
        return false;
    }

    /** Local and loop-variable names of one phase. */
    public static Set<String> locals(Stmt s) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collectLocals(s, out);
        return out;
    }

    private static void collectLocals(Stmt s, Set<String> out) {
        if (s instanceof Stmt.Seq q) {
            collectLocals(q.a(), out);
            collectLocals(q.b(), out);
        } else if (s instanceof Stmt.If f) {
            collectLocals(f.then(), out);
            collectLocals(f.otherwise(), out);
        } else if (s instanceof Stmt.Assign a) {
            out.add(a.local());
        } else if (s instanceof Stmt.For f) {
            collectLocals(f.body(), out);
        }
    }

    private final class Scope {
        final int phase;
        final Set<String> globals;
        final Set<String> sharedReads = new HashSet<>();
        final Set<String> sharedWrites = new HashSet<>();
        final Set<String> loopVars = new HashSet<>();

        Scope(int phase, Set<String> globals) {
            this.phase = phase;
            this.globals = globals;
        }

        IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("kernel " + name + ", phase " + phase + ": " + what);
        }

        void stmt(Stmt s) {
            if (s instanceof Stmt.Seq q) {
                stmt(q.a());
                stmt(q.b());
            } else if (s instanceof Stmt.If f) {
                cond(f.cond());
                stmt(f.then());
                stmt(f.otherwise());
            } else if (s instanceof Stmt.Assign a) {
                if (globals.contains(a.local()) || loopVars.contains(a.local())) {
                    throw bad("local '" + a.local() + "' shadows another name");
                }
                value(a.value());
            } else if (s instanceof Stmt.For f) {
                index(f.bound());
                if (globals.contains(f.var()) || !loopVars.add(f.var())) {
                    throw bad("loop variable '" + f.var() + "' shadows another name");
                }
                stmt(f.body());
                loopVars.remove(f.var());
            } else if (s instanceof Stmt.Store st) {
                index(st.index());
                value(st.value());
                if (st.shared()) {
                    require(shared.contains(st.array()), "stores to '" + st.array() + "', not a shared array");
                    sharedWrites.add(st.array());
                } else {
                    require(outputs.stream().anyMatch(a -> a.name().equals(st.array())),
                            "stores to '" + st.array() + "', not an output");
                }
            }
        }

        void cond(Cond c) {
            if (c instanceof Cond.Cmp k) {
                index(k.a());
                index(k.b());
            } else if (c instanceof Cond.And a) {
                cond(a.a());
                cond(a.b());
            }
        }

        void value(Value v) {
            if (v instanceof Value.Param p) {
                require(params.contains(p.name()), "unknown parameter '" + p.name() + "'");
            } else if (v instanceof Value.Local l) {
                require(!globals.contains(l.name()), "'" + l.name() + "' is not a local");
            } else if (v instanceof Value.Load l) {
                index(l.index());
                if (l.shared()) {
                    require(shared.contains(l.array()), "loads '" + l.array() + "', not a shared array");
                    sharedReads.add(l.array());
                } else {
                    require(inputs.stream().anyMatch(a -> a.name().equals(l.array())),
                            "loads '" + l.array() + "', not an input (outputs are write-only)");
                }
            } else if (v instanceof Value.Bin b) {
                value(b.a());
                value(b.b());
            } else if (v instanceof Value.Unary u) {
                value(u.a());
            } else if (v instanceof Value.Select c) {
                value(c.l());
                value(c.r());
                value(c.then());
                value(c.otherwise());
            }
        }

        void index(Index i) {
            if (i instanceof Index.Size s) {
                require(sizes.contains(s.name()), "unknown size '" + s.name() + "'");
            } else if (i instanceof Index.LoopVar l) {
                require(loopVars.contains(l.name()), "loop variable '" + l.name() + "' out of scope");
            } else if (i instanceof Index.Bin b) {
                index(b.a());
                index(b.b());
            }
        }

        void require(boolean ok, String what) {
            if (!ok) {
                throw bad(what);
            }
        }
    }

    private static final class Parser {
        String ident(JsonNode n) {
            String s = n.asText("");
            if (!n.isTextual() || !IDENT.matcher(s).matches() || RESERVED.contains(s) || s.startsWith("pl_")) {
                throw new IllegalArgumentException("not an allowed name: " + n);
            }
            return s;
        }

        List<String> names(JsonNode n) {
            List<String> out = new ArrayList<>();
            array(n, "name list").forEach(x -> out.add(ident(x)));
            return List.copyOf(out);
        }

        List<Array> arrays(JsonNode n) {
            List<Array> out = new ArrayList<>();
            array(n, "array list").forEach(x -> out.add(new Array(ident(x.path("name")), index(x.path("length")))));
            return List.copyOf(out);
        }

        List<Phase> phases(JsonNode n) {
            List<Phase> out = new ArrayList<>();
            array(n, "phase list").forEach(x -> {
                if (x.isArray() && x.size() > 0 && x.get(0).asText().equals("phase_loop")) {
                    op(x, 3);
                    out.add(new Phase.Loop(ident(x.get(1)), index(x.get(2)), phases(x.get(3))));
                } else {
                    out.add(new Phase.Sync(stmt(x)));
                }
            });
            return List.copyOf(out);
        }

        private static JsonNode array(JsonNode n, String what) {
            if (!n.isArray()) {
                throw new IllegalArgumentException("expected a " + what + ", got " + n);
            }
            return n;
        }

        private static String op(JsonNode n, int arity) {
            if (!n.isArray() || n.size() != arity + 1 || !n.get(0).isTextual()) {
                throw new IllegalArgumentException("malformed IR node: " + n);
            }
            return n.get(0).asText();
        }

        Index index(JsonNode n) {
            String op = n.isArray() && n.size() > 0 ? n.get(0).asText() : "";
            return switch (op) {
                case "lit" -> {
                    op(n, 1);
                    if (!n.get(1).canConvertToLong() || n.get(1).asLong() < 0) {
                        throw new IllegalArgumentException("bad literal: " + n);
                    }
                    yield new Index.Lit(n.get(1).asLong());
                }
                case "tid", "bid", "bdim", "gdim" -> { op(n, 0); yield new Index.Builtin(op); }
                case "size" -> { op(n, 1); yield new Index.Size(ident(n.get(1))); }
                case "ivar" -> { op(n, 1); yield new Index.LoopVar(ident(n.get(1))); }
                case "add", "mul", "div", "mod" -> { op(n, 2); yield new Index.Bin(op, index(n.get(1)), index(n.get(2))); }
                default -> throw new IllegalArgumentException("unknown index expression: " + n);
            };
        }

        Cond cond(JsonNode n) {
            String op = n.isArray() && n.size() > 0 ? n.get(0).asText() : "";
            return switch (op) {
                case "lt", "eq" -> { op(n, 2); yield new Cond.Cmp(op, index(n.get(1)), index(n.get(2))); }
                case "and" -> { op(n, 2); yield new Cond.And(cond(n.get(1)), cond(n.get(2))); }
                default -> throw new IllegalArgumentException("unknown condition: " + n);
            };
        }

        Value value(JsonNode n) {
            String op = n.isArray() && n.size() > 0 ? n.get(0).asText() : "";
            return switch (op) {
                case "zero" -> { op(n, 0); yield new Value.Zero(); }
                case "param" -> { op(n, 1); yield new Value.Param(ident(n.get(1))); }
                case "var" -> { op(n, 1); yield new Value.Local(ident(n.get(1))); }
                case "load", "load_shared" -> {
                    op(n, 2);
                    yield new Value.Load(ident(n.get(1)), index(n.get(2)), op.equals("load_shared"));
                }
                case "one" -> { op(n, 0); yield new Value.One(); }
                case "add", "sub", "mul", "div", "max" -> { op(n, 2); yield new Value.Bin(op, value(n.get(1)), value(n.get(2))); }
                case "neg", "exp", "sqrt" -> { op(n, 1); yield new Value.Unary(op, value(n.get(1))); }
                case "select" -> {
                    op(n, 4);
                    yield new Value.Select(value(n.get(1)), value(n.get(2)), value(n.get(3)), value(n.get(4)));
                }
                default -> throw new IllegalArgumentException("unknown value expression: " + n);
            };
        }

        Stmt stmt(JsonNode n) {
            String op = n.isArray() && n.size() > 0 ? n.get(0).asText() : "";
            return switch (op) {
                case "skip" -> { op(n, 0); yield new Stmt.Skip(); }
                case "seq" -> { op(n, 2); yield new Stmt.Seq(stmt(n.get(1)), stmt(n.get(2))); }
                case "if" -> { op(n, 3); yield new Stmt.If(cond(n.get(1)), stmt(n.get(2)), stmt(n.get(3))); }
                case "assign" -> { op(n, 2); yield new Stmt.Assign(ident(n.get(1)), value(n.get(2))); }
                case "for" -> { op(n, 3); yield new Stmt.For(ident(n.get(1)), index(n.get(2)), stmt(n.get(3))); }
                case "store", "store_shared" -> {
                    op(n, 3);
                    yield new Stmt.Store(ident(n.get(1)), index(n.get(2)), value(n.get(3)), op.equals("store_shared"));
                }
                default -> throw new IllegalArgumentException("unknown statement: " + n);
            };
        }
    }
}
