package dev.proofline.check;

import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.ParsedSyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Lean commands a submission may contain, decided on the syntax Lean parsed (not on the text, so
 * comments, strings and spacing neither hide nor fake anything). Forbidden: running code at check time,
 * extending the parser or elaborator, leaving the file, assuming axioms, replacing compiled code, and
 * options that switch checks off.
 */
public final class CommandPolicy {
    /** Syntax kinds that are forbidden anywhere, with the words a user would write. */
    private static final Map<String, String> FORBIDDEN_KINDS = Map.ofEntries(
            Map.entry("Lean.Parser.Command.eval", "#eval"),
            Map.entry("Lean.Parser.Command.evalBang", "#eval!"),
            Map.entry("Lean.reduceCmd", "#reduce"),
            Map.entry("Lean.runCmd", "run_cmd"),
            Map.entry("Lean.runElab", "run_elab"),
            Map.entry("Lean.runMeta", "run_meta"),
            Map.entry("Lean.Parser.Tactic.runTac", "run_tac"),
            Map.entry("Lean.byElab", "by_elab"),
            Map.entry("Lean.Parser.Command.initialize", "initialize"),
            Map.entry("Lean.Parser.Command.elab", "elab"),
            Map.entry("Lean.Parser.Command.elab_rules", "elab_rules"),
            Map.entry("Lean.Parser.Command.macro", "macro"),
            Map.entry("Lean.Parser.Command.macro_rules", "macro_rules"),
            Map.entry("Lean.Parser.Command.syntax", "syntax"),
            Map.entry("Lean.Parser.Command.syntaxAbbrev", "syntax"),
            Map.entry("Lean.Parser.Command.syntaxCat", "declare_syntax_cat"),
            Map.entry("Lean.Parser.Command.exit", "#exit"),
            Map.entry("Lean.Parser.Module.import", "import"),
            Map.entry("Lean.Parser.Command.import", "import"),
            Map.entry("Lean.Parser.Command.axiom", "axiom"));

    /** Attributes that swap in other code or run code when a module is loaded. */
    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("implemented_by", "init", "builtin_init");
    private static final String EXTERN_KIND = "Lean.Parser.Attr.extern";

    /** {@code debug.*} holds the switches that skip checks, {@code debug.skipKernelTC} (no kernel) among them. */
    private static final String FORBIDDEN_OPTION_PREFIX = "debug.";

    /** One reason per forbidden thing found, in source order, e.g. {@code policy: #eval at 3:0 is not allowed}. */
    public List<String> violations(ParsedSyntax syntax) {
        record Found(LeanMessage.Position pos, String what) {}
        List<Found> found = new ArrayList<>();
        for (ParsedSyntax.Occurrence k : syntax.kinds()) {
            String what = k.name().equals(EXTERN_KIND) ? "@[extern]" : FORBIDDEN_KINDS.get(k.name());
            if (what != null) {
                found.add(new Found(k.pos(), what));
            }
        }
        syntax.options().stream().filter(o -> o.name().startsWith(FORBIDDEN_OPTION_PREFIX))
                .forEach(o -> found.add(new Found(o.pos(), "set_option " + o.name())));
        syntax.attributes().stream().filter(a -> FORBIDDEN_ATTRIBUTES.contains(a.name()))
                .forEach(a -> found.add(new Found(a.pos(), "@[" + a.name() + "]")));
        return found.stream()
                .sorted(Comparator.comparingInt((Found f) -> f.pos().line()).thenComparingInt(f -> f.pos().column()))
                .map(f -> "policy: " + f.what() + " at " + f.pos() + " is not allowed")
                .distinct().toList();
    }
}
