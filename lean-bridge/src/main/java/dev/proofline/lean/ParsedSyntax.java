package dev.proofline.lean;

import java.util.List;

/**
 * What Lean parsed in a submission, each with where it first occurs: the kind of every command (those
 * under {@code … in} and {@code mutual} included), every syntax kind (e.g. {@code Lean.Parser.Command.eval}),
 * every option set with {@code set_option}, every attribute (its name where its syntax is the plain one,
 * e.g. {@code irreducible}, else its syntax kind, e.g. {@code Lean.Parser.Attr.simp}), every identifier, and
 * the fields and the identifiers used as values in tactic configurations ({@code simp +arith (maxSteps := n)}).
 */
public record ParsedSyntax(List<Occurrence> commands, List<Occurrence> kinds, List<Occurrence> options,
                           List<Occurrence> attributes, List<Occurrence> identifiers, List<Occurrence> configFields,
                           List<Occurrence> configValues) {
    public static final ParsedSyntax NONE = new ParsedSyntax(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public record Occurrence(String name, LeanMessage.Position pos) {}

    public ParsedSyntax {
        commands = List.copyOf(commands);
        kinds = List.copyOf(kinds);
        options = List.copyOf(options);
        attributes = List.copyOf(attributes);
        identifiers = List.copyOf(identifiers);
        configFields = List.copyOf(configFields);
        configValues = List.copyOf(configValues);
    }
}
