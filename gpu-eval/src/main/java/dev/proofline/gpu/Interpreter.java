package dev.proofline.gpu;

import dev.proofline.gpu.KernelIr.Cond;
import dev.proofline.gpu.KernelIr.Stmt;
import dev.proofline.gpu.KernelIr.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs kernel IR on the CPU with the semantics the proofs are about: blocks in order, in each block the
 * phases in order with fresh zeroed shared arrays (a phase loop's bound evaluated once per block, as thread 0
 * sees it), in each phase the threads in order with fresh zeroed locals. It is also a checker: an out-of-bounds access, an output element written twice in one launch
 * (a race on a GPU) or never written is reported as a problem, with the thread that did it.
 */
public final class Interpreter {
    private static final int MAX_PROBLEMS = 20;

    /** Outputs, what went wrong, and how many arithmetic operations ran (the kernel's FLOPs at this shape). */
    public record Result(Map<String, int[]> outputs, List<String> problems, long operations) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final KernelIr ir;
    private final ElemType type;

    public Interpreter(KernelIr ir, ElemType type) {
        this.ir = ir;
        this.type = type;
    }

    public Result run(Launch launch, Map<String, int[]> inputs, Map<String, Integer> params) {
        return new Run(launch, inputs, params).go();
    }

    private final class Run {
        final Launch launch;
        final Map<String, int[]> inputs;
        final Map<String, Integer> params;
        final Map<String, int[]> outputs = new LinkedHashMap<>();
        final Map<String, boolean[]> written = new HashMap<>();
        final Map<String, int[]> shared = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        long ops;
        long bid;
        long tid;
        final Map<String, Integer> locals = new HashMap<>();
        final Map<String, Long> loopVars = new HashMap<>();

        Run(Launch launch, Map<String, int[]> inputs, Map<String, Integer> params) {
            this.launch = launch;
            this.inputs = inputs;
            this.params = params;
            for (KernelIr.Array a : ir.inputs()) {
                int[] data = inputs.get(a.name());
                if (data == null || data.length != launch.length(a)) {
                    throw new IllegalArgumentException("input '" + a.name() + "' needs " + launch.length(a) + " elements");
                }
            }
            for (String p : ir.params()) {
                if (!params.containsKey(p)) {
                    throw new IllegalArgumentException("no value given for parameter '" + p + "'");
                }
            }
            for (KernelIr.Array a : ir.outputs()) {
                int n = Math.toIntExact(launch.length(a));
                outputs.put(a.name(), new int[n]);
                written.put(a.name(), new boolean[n]);
            }
        }

        Result go() {
            for (bid = 0; bid < launch.grid() && problems.size() < MAX_PROBLEMS; bid++) {
                ir.shared().forEach(s -> shared.put(s, new int[launch.block()]));
                phases(ir.phases());
            }
            written.forEach((name, w) -> {
                for (int i = 0; i < w.length && problems.size() < MAX_PROBLEMS; i++) {
                    if (!w[i]) {
                        problems.add("output " + name + "[" + i + "] is never written");
                    }
                }
            });
            return new Result(outputs, List.copyOf(problems), ops);
        }

        void phases(List<KernelIr.Phase> ps) {
            for (KernelIr.Phase ph : ps) {
                if (ph instanceof KernelIr.Phase.Loop l) {
                    tid = 0;
                    long n = index(l.bound());
                    for (long k = 0; k < n && problems.size() < MAX_PROBLEMS; k++) {
                        loopVars.put(l.var(), k);
                        phases(l.body());
                    }
                    loopVars.remove(l.var());
                } else {
                    Stmt phase = ((KernelIr.Phase.Sync) ph).stmt();
                    for (tid = 0; tid < launch.block(); tid++) {
                        locals.clear();
                        exec(phase);
                    }
                }
            }
        }

        String thread() {
            return "thread (block " + bid + ", thread " + tid + ")";
        }

        long index(KernelIr.Index e) {
            return Indexes.eval(e, launch.sizes(), bid, tid, launch.block(), launch.grid(), loopVars);
        }

        boolean cond(Cond c) {
            if (c instanceof Cond.And a) {
                return cond(a.a()) && cond(a.b());
            }
            Cond.Cmp k = (Cond.Cmp) c;
            long x = index(k.a());
            long y = index(k.b());
            return k.op().equals("lt") ? x < y : x == y;
        }

        int value(Value v) {
            if (v instanceof Value.Zero) {
                return type.zero();
            } else if (v instanceof Value.Param p) {
                return params.get(p.name());
            } else if (v instanceof Value.Local l) {
                return locals.getOrDefault(l.name(), type.zero());
            } else if (v instanceof Value.Load l) {
                int[] arr = l.shared() ? shared.get(l.array()) : inputs.get(l.array());
                long i = index(l.index());
                if (i >= arr.length) {
                    problems.add(thread() + " reads " + l.array() + "[" + i + "], past its " + arr.length + " elements");
                    return type.zero();
                }
                return arr[(int) i];
            } else if (v instanceof Value.One) {
                return type.one();
            } else if (v instanceof Value.Unary u) {
                int x = value(u.a());
                ops++;
                return switch (u.op()) {
                    case "neg" -> type.neg(x);
                    case "exp" -> type.exp(x);
                    default -> type.sqrt(x);
                };
            } else if (v instanceof Value.Select c) {
                // both sides of the comparison, then only the chosen branch, as C's ?: evaluates
                boolean lt = type.lt(value(c.l()), value(c.r()));
                return lt ? value(c.then()) : value(c.otherwise());
            }
            Value.Bin b = (Value.Bin) v;
            int x = value(b.a());
            int y = value(b.b());
            ops++;
            return switch (b.op()) {
                case "add" -> type.add(x, y);
                case "sub" -> type.sub(x, y);
                case "mul" -> type.mul(x, y);
                case "div" -> type.div(x, y);
                default -> type.max(x, y);
            };
        }

        void exec(Stmt s) {
            if (problems.size() >= MAX_PROBLEMS) {
                return;
            }
            if (s instanceof Stmt.Seq q) {
                exec(q.a());
                exec(q.b());
            } else if (s instanceof Stmt.If f) {
                exec(cond(f.cond()) ? f.then() : f.otherwise());
            } else if (s instanceof Stmt.Assign a) {
                locals.put(a.local(), value(a.value()));
            } else if (s instanceof Stmt.For f) {
                long n = index(f.bound());
                for (long k = 0; k < n; k++) {
                    loopVars.put(f.var(), k);
                    exec(f.body());
                }
                loopVars.remove(f.var());
            } else if (s instanceof Stmt.Store st) {
                store(st);
            }
        }

        void store(Stmt.Store st) {
            int[] arr = st.shared() ? shared.get(st.array()) : outputs.get(st.array());
            long i = index(st.index());
            int v = value(st.value());
            if (i >= arr.length) {
                problems.add(thread() + " writes " + st.array() + "[" + i + "], past its " + arr.length + " elements");
                return;
            }
            if (!st.shared()) {
                boolean[] w = written.get(st.array());
                if (w[(int) i]) {
                    problems.add(thread() + " writes " + st.array() + "[" + i + "] again: a race on a GPU");
                }
                w[(int) i] = true;
            }
            arr[(int) i] = v;
        }
    }
}
