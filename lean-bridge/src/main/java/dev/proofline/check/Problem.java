package dev.proofline.check;

import java.util.List;
import java.util.Map;

/**
 * A theorem to prove: its imports, an optional preamble (trusted Lean source the statement relies on,
 * e.g. the definitions of a problem family, whose {@code namespace}, {@code open}, {@code variable},
 * {@code universe} and {@code set_option} stay in force), its statement as a Lean declaration head without
 * the proof, e.g. {@code theorem add_comm' (a b : Nat) : a + b = b + a}, and the Lean options its author
 * set (Lean's defaults otherwise, {@code autoImplicit} included). Which theorem the statement declares is
 * read by Lean, not here.
 *
 * @param header the modules to import, {@code Init} first as {@code lean} imports them; a header starting
 *     with {@code prelude} imports exactly the modules after it
 * @param options option name to a Boolean, Integer or String value, e.g. {@code autoImplicit → false}
 */
public record Problem(String id, List<String> header, String preamble, String statement, String informal,
                      List<String> tags, Map<String, Object> options) implements java.io.Serializable {

    /** Largest statement or preamble accepted, in characters; beyond it the problem is not sent to Lean. */
    public static final int MAX_CHARS = 1_000_000;

    public Problem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a problem needs a non-empty \"id\"");
        }
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("problem " + id + " needs a \"statement\"");
        }
        withinLimit(id, "statement", statement);
        withinLimit(id, "preamble", preamble);
        header = header == null || header.isEmpty() ? List.of("Init") : List.copyOf(header);
        tags = tags == null ? List.of() : List.copyOf(tags);
        preamble = preamble == null || preamble.isBlank() ? "" : preamble;
        options = options == null ? Map.of() : Map.copyOf(options);
        options.forEach((name, value) -> {
            if (!(value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof String)) {
                throw new IllegalArgumentException("problem " + id + ": option " + name
                        + " must be true, false, a natural number or a string");
            }
        });
    }

    private static void withinLimit(String id, String field, String text) {
        if (text != null && text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("problem " + id + ": the " + field + " is " + text.length()
                    + " characters, over the limit of " + MAX_CHARS);
        }
    }

    /** A problem with Lean's default options. */
    public Problem(String id, List<String> header, String preamble, String statement, String informal, List<String> tags) {
        this(id, header, preamble, statement, informal, tags, Map.of());
    }
}
