package dev.proofline.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A theorem to prove: its imports, an optional preamble (trusted Lean source the statement relies on,
 * e.g. the definitions of a problem family), and its statement as a Lean declaration head without the
 * proof, e.g. {@code theorem add_comm' (a b : Nat) : a + b = b + a}.
 */
public record Problem(String id, List<String> header, String preamble, String statement, String informal,
                      List<String> tags) {
    private static final Pattern NAME = Pattern.compile("^\\s*(?:theorem|lemma)\\s+([^\\s:({\\[]+)");

    public Problem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a problem needs a non-empty \"id\"");
        }
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("problem " + id + " needs a \"statement\"");
        }
        header = header == null || header.isEmpty() ? List.of("Init") : List.copyOf(header);
        tags = tags == null ? List.of() : List.copyOf(tags);
        preamble = preamble == null || preamble.isBlank() ? "" : preamble;
        theoremName(statement, id);
    }

    /** The declared name, e.g. {@code add_comm'}. */
    public String theoremName() {
        return theoremName(statement, id);
    }

    private static String theoremName(String statement, String id) {
        Matcher m = NAME.matcher(statement);
        if (!m.find()) {
            throw new IllegalArgumentException("problem " + id + ": the statement must start with "
                    + "'theorem NAME' (got: " + abbreviate(statement) + ")");
        }
        return m.group(1);
    }

    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
