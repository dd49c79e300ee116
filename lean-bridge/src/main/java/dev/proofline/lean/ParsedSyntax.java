package dev.proofline.lean;

import java.util.List;

/**
 * What Lean parsed in a command: every syntax kind (e.g. {@code Lean.Parser.Command.eval}), option set
 * with {@code set_option} and attribute used, each with where it first occurs.
 */
public record ParsedSyntax(List<Occurrence> kinds, List<Occurrence> options, List<Occurrence> attributes) {
    public static final ParsedSyntax NONE = new ParsedSyntax(List.of(), List.of(), List.of());

    public record Occurrence(String name, LeanMessage.Position pos) {}

    public ParsedSyntax {
        kinds = List.copyOf(kinds);
        options = List.copyOf(options);
        attributes = List.copyOf(attributes);
    }
}
