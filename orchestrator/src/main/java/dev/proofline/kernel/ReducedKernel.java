package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the normal form Lean's {@code #reduce} prints for a {@code Kernel} (with notation, field notation and
 * structure instances off: nested applications of constructors to string and number literals) into the IR.
 * {@code #reduce} unfolds definitions without running any compiled code, so nothing the candidate wrote runs to
 * produce its IR. Anything but the language's constructors — a constant {@code #reduce} could not unfold, a proof —
 * is refused with what was found.
 */
final class ReducedKernel {
    private static final String K = "Proofline.Kernel.";
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** Constructor name to its IR JSON tag, per type; each takes its arguments in the IR's order. */
    private static final Map<String, String> INDEX = Map.ofEntries(Map.entry("lit", "lit"), Map.entry("tid", "tid"),
            Map.entry("bid", "bid"), Map.entry("bdim", "bdim"), Map.entry("gdim", "gdim"), Map.entry("size", "size"),
            Map.entry("ivar", "ivar"), Map.entry("add", "add"), Map.entry("mul", "mul"), Map.entry("div", "div"),
            Map.entry("mod", "mod"));
    private static final Map<String, String> COND = Map.of("lt", "lt", "eq", "eq", "and", "and");
    private static final Map<String, String> VALUE = Map.ofEntries(Map.entry("zero", "zero"), Map.entry("one", "one"),
            Map.entry("param", "param"), Map.entry("var", "var"), Map.entry("load", "load"), Map.entry("loadShared", "load_shared"),
            Map.entry("add", "add"), Map.entry("sub", "sub"), Map.entry("mul", "mul"), Map.entry("div", "div"),
            Map.entry("max", "max"), Map.entry("neg", "neg"), Map.entry("exp", "exp"), Map.entry("sqrt", "sqrt"),
            Map.entry("select", "select"));
    private static final Map<String, String> STMT = Map.of("skip", "skip", "seq", "seq", "ite", "if", "assign", "assign",
            "loop", "for", "store", "store", "storeShared", "store_shared");

    /** A term: a head (constant, string or number literal) applied to arguments. */
    private record Term(String head, List<Term> args) {
        boolean isString() {
            return head.startsWith("\"");
        }
    }

    private final String text;
    private int pos;

    private ReducedKernel(String text) {
        this.text = text;
    }

    /** The IR JSON of the printed normal form; the exception's message says what is not a kernel. */
    static String json(String printed) {
        ReducedKernel r = new ReducedKernel(printed);
        Term t = r.application();
        r.skipSpace();
        if (r.pos != printed.length()) {
            throw new IllegalArgumentException("unexpected text at " + r.pos + " of the reduced kernel");
        }
        return kernel(t).toString();
    }

    private static ObjectNode kernel(Term t) {
        expect(t, K + "Kernel.mk", 8);
        ObjectNode o = J.objectNode();
        o.set("name", string(t.args().get(0)));
        o.set("sizes", list(t.args().get(1), ReducedKernel::string));
        o.set("params", list(t.args().get(2), ReducedKernel::string));
        o.set("inputs", list(t.args().get(3), ReducedKernel::array));
        o.set("outputs", list(t.args().get(4), ReducedKernel::array));
        o.set("shared", list(t.args().get(5), ReducedKernel::string));
        o.set("work", node(t.args().get(6), "IExpr", INDEX));
        o.set("phases", list(t.args().get(7), ReducedKernel::phase));
        return o;
    }

    /** {@code Phase.sync s} is the statement's IR, as before phases could loop; {@code Phase.loop} is a phase_loop. */
    private static JsonNode phase(Term t) {
        if (t.head().equals(K + "Phase.sync") && t.args().size() == 1) {
            return node(t.args().get(0), "Stmt", STMT);
        } else if (t.head().equals(K + "Phase.loop") && t.args().size() == 3) {
            ArrayNode out = J.arrayNode().add("phase_loop");
            out.add(string(t.args().get(0)));
            out.add(node(t.args().get(1), "IExpr", INDEX));
            out.add(list(t.args().get(2), ReducedKernel::phase));
            return out;
        }
        throw new IllegalArgumentException("expected a Phase constructor, got " + t.head() + " with " + t.args().size()
                + " arguments");
    }

    private static JsonNode array(Term t) {
        expect(t, "Prod.mk", 2);
        ObjectNode o = J.objectNode();
        o.set("name", string(t.args().get(0)));
        o.set("length", node(t.args().get(1), "IExpr", INDEX));
        return o;
    }

    private static ArrayNode list(Term t, java.util.function.Function<Term, JsonNode> element) {
        ArrayNode out = J.arrayNode();
        while (t.head().equals("List.cons") && t.args().size() == 2) {
            out.add(element.apply(t.args().get(0)));
            t = t.args().get(1);
        }
        expect(t, "List.nil", 0);
        return out;
    }

    private static JsonNode string(Term t) {
        if (!t.isString() || !t.args().isEmpty()) {
            throw new IllegalArgumentException("expected a string literal, got " + t.head());
        }
        return J.textNode(t.head().substring(1, t.head().length() - 1));
    }

    /** A node of type {@code type} (IExpr, Cond, VExpr, Stmt); its arguments' types follow from the IR's JSON shape. */
    private static JsonNode node(Term t, String type, Map<String, String> ctors) {
        String prefix = K + type + ".";
        String ctor = t.head().startsWith(prefix) ? t.head().substring(prefix.length()) : null;
        if (ctor == null || !ctors.containsKey(ctor)) {
            throw new IllegalArgumentException("expected a " + type + " constructor, got " + t.head());
        }
        ArrayNode out = J.arrayNode().add(ctors.get(ctor));
        for (int i = 0; i < t.args().size(); i++) {
            Term a = t.args().get(i);
            if (a.isString()) {
                out.add(string(a));
            } else if (Character.isDigit(a.head().charAt(0))) {
                out.add(J.numberNode(new java.math.BigInteger(a.head())));
            } else if (a.head().startsWith(K + "IExpr.")) {
                out.add(node(a, "IExpr", INDEX));
            } else if (a.head().startsWith(K + "Cond.")) {
                out.add(node(a, "Cond", COND));
            } else if (a.head().startsWith(K + "VExpr.")) {
                out.add(node(a, "VExpr", VALUE));
            } else {
                out.add(node(a, "Stmt", STMT));
            }
        }
        return out;
    }

    private static void expect(Term t, String head, int arity) {
        if (!t.head().equals(head) || t.args().size() != arity) {
            throw new IllegalArgumentException("expected " + head + " with " + arity + " arguments, got " + t.head()
                    + " with " + t.args().size());
        }
    }

    private Term application() {
        Term head = atom();
        List<Term> args = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) == ')') {
                return new Term(head.head(), args);
            }
            args.add(atom());
        }
    }

    private Term atom() {
        skipSpace();
        if (pos >= text.length()) {
            throw new IllegalArgumentException("the reduced kernel ends early");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Term t = application();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new IllegalArgumentException("unbalanced parentheses in the reduced kernel");
            }
            pos++;
            return t;
        }
        int start = pos;
        if (c == '"') {
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                if (text.charAt(pos) == '\\') {
                    throw new IllegalArgumentException("a string with an escape in the reduced kernel");
                }
                pos++;
            }
            pos++;
        } else {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "._".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " of the reduced kernel");
            }
        }
        return new Term(text.substring(start, Math.min(pos, text.length())), List.of());
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
