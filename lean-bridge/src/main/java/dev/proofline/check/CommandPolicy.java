package dev.proofline.check;

import dev.proofline.lean.LeanMessage;
import dev.proofline.lean.ParsedSyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a submission may contain, decided on the syntax Lean parsed before anything is elaborated (so
 * comments, strings, guillemets and spacing neither hide nor fake anything). Commands, declaration forms,
 * modifiers, attributes and options are allow-listed: what a proof needs, and nothing through which the
 * candidate's own code could run at check time (an evaluating command, an attribute that registers an
 * elaborator, macro or simproc, {@code unsafe}, compiled-code evaluation) or a check be switched off.
 * Tactics and terms are Lean's own once syntax extensions are refused; the few of them that evaluate
 * compiled code are refused by name. TRUST.md lists every entry and why.
 */
public final class CommandPolicy {
    /**
     * Commands, and the parts of commands Lean names {@code Lean.Parser.Command.*} (declaration forms,
     * modifiers, binders of structures, forms of {@code open}). Everything else of that family is refused:
     * {@code #eval}, {@code #reduce}, {@code axiom}, {@code unsafe}, {@code meta}, {@code initialize},
     * {@code syntax}, {@code macro}, {@code elab}, {@code import}, {@code #exit}, computed fields, …
     */
    static final Set<String> COMMAND_SYNTAX = Set.of(
            // scopes
            "namespace", "section", "sectionHeader", "end", "open", "openSimple", "openOnly", "openHiding",
            "openRenaming", "openRenamingItem", "openScoped", "variable", "universe", "include", "omit",
            "set_option", "in", "mutual", "export", "eoi",
            // declarations and their parts
            "declaration", "declModifiers", "docComment", "moduleDoc", "private", "protected", "noncomputable",
            "partial", "nonrec", "theorem", "definition", "abbrev", "instance", "example", "opaque", "inductive",
            "classInductive", "structure", "structureTk", "classTk", "classAbbrev", "ctor", "extends",
            "structParent", "structCtor", "structFields", "structExplicitBinder", "structImplicitBinder",
            "structInstBinder", "structSimpleBinder", "declId", "declSig", "optDeclSig", "declValSimple",
            "declValEqns", "whereStructInst", "whereStructField", "namedPrio", "optDeriving", "derivingClass",
            "deriving",
            // attributes given afterwards; each attribute is judged on its own
            "attribute", "eraseAttr",
            // notations: Lean generates their macros itself
            "notation", "mixfix", "infix", "infixl", "infixr", "prefix", "postfix", "identPrec", "notationItem",
            // queries that print
            "check", "check_failure", "print", "printAxioms", "synth")
            .stream().map(k -> "Lean.Parser.Command." + k).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Attributes that only tag a declaration for Lean's own tactics, elaborator, pretty-printer or compiler:
     * by name when their syntax is the plain one, else by syntax kind. Refused, among others:
     * {@code implemented_by}, {@code extern}, {@code export}, {@code csimp} (other code runs in its place),
     * {@code init}, {@code builtin_init} (code runs on load), {@code macro}, {@code term_elab},
     * {@code command_elab}, {@code tactic}, {@code simproc}, {@code delab}, {@code app_unexpander} (the
     * candidate's code would run inside Lean).
     */
    static final Set<String> ATTRIBUTES = Set.of(
            "Lean.Parser.Attr.simp", "Lean.Parser.Attr.instance", "Lean.Parser.Attr.class",
            "Lean.Parser.Attr.default_instance", "Lean.Parser.Attr.specialize", "Lean.Parser.Attr.ext",
            "Lean.Parser.Attr.grind", "Lean.Parser.Attr.recursor", "Lean.Parser.Attr.wf_preprocess",
            "Lean.Parser.Attr.norm_cast", "Lean.Attr.coe", "Lean.deprecated",
            "reducible", "irreducible", "semireducible", "inline", "noinline", "macro_inline", "always_inline",
            "nospecialize", "never_extract", "match_pattern", "elab_as_elim", "elab_without_expected_type",
            "induction_eliminator", "cases_eliminator", "refl", "symm", "trans", "congr", "inherit_doc",
            "pp_nodot", "pp_using_anonymous_constructor", "method_specs");

    /** Options that change what is elaborated or printed, never what is trusted. */
    static final Set<String> OPTIONS = Set.of("maxHeartbeats", "maxRecDepth", "synthInstance.maxHeartbeats",
            "synthInstance.maxSize", "autoImplicit", "relaxedAutoImplicit", "diagnostics", "diagnostics.threshold",
            "exponentiation.threshold", "warningAsError", "tactic.hygienic", "tactic.simp.trace", "simprocs");
    static final List<String> OPTION_FAMILIES = List.of("pp.", "trace.", "linter.");

    /** How a user writes some refused syntax, for the reason's text; others are named by their kind. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("Lean.Parser.Command.eval", "#eval"),
            Map.entry("Lean.Parser.Command.evalBang", "#eval!"),
            Map.entry("Lean.Parser.Command.exit", "#exit"),
            Map.entry("Lean.Parser.Module.import", "import"),
            Map.entry("Lean.Parser.Module.prelude", "prelude"),
            Map.entry("Lean.Parser.Command.syntaxCat", "declare_syntax_cat"),
            Map.entry("Lean.Parser.Command.syntaxAbbrev", "syntax"),
            Map.entry("Lean.Parser.command_Simproc_decl_(_):=_", "simproc_decl"));

    /** Tactics and terms of Lean's own that evaluate compiled code, with the words a user would write. */
    static final Map<String, String> EVALUATING = Map.ofEntries(
            Map.entry("Lean.Parser.Tactic.nativeDecide", "native_decide"),
            Map.entry("Lean.Parser.Tactic.runTac", "run_tac"),
            Map.entry("Lean.byElab", "by_elab"),
            Map.entry("Lean.Parser.Term.unsafe", "unsafe"),
            Map.entry("Lean.runElab", "run_elab"),
            Map.entry("Lean.runMeta", "run_meta"),
            Map.entry("Lean.runCmd", "run_cmd"),
            Map.entry("Lean.reduceCmd", "#reduce"));

    /**
     * Constants the kernel evaluates as compiled code ({@code Lean.reduceBool c} runs {@code c}), caught by
     * the last part of any identifier, so that {@code open Lean} or a renaming does not hide them.
     */
    static final Set<String> COMPILED_CODE_CONSTANTS = Set.of("reduceBool", "reduceNat", "ofReduceBool", "ofReduceNat");

    /** One reason per forbidden thing found, in source order, e.g. {@code policy: #eval at 3:0 is not allowed}. */
    public List<String> violations(ParsedSyntax syntax) {
        return violations(syntax, false);
    }

    /**
     * The same for a whole file (a REPL command, a service's snippet), whose header ({@code import}, {@code prelude},
     * {@code module}) is allowed: it is what the Lean process that runs the file imported, as a problem's header is.
     */
    public List<String> violationsOfFile(ParsedSyntax syntax) {
        return violations(syntax, true);
    }

    private List<String> violations(ParsedSyntax syntax, boolean headerAllowed) {
        record Found(LeanMessage.Position pos, String what) {}
        List<Found> found = new ArrayList<>();
        Set<String> commands = new java.util.HashSet<>();
        for (ParsedSyntax.Occurrence c : syntax.commands()) {
            commands.add(c.name());
            if (!COMMAND_SYNTAX.contains(c.name())) {
                found.add(new Found(c.pos(), words(c.name())));
            }
        }
        for (ParsedSyntax.Occurrence k : syntax.kinds()) {
            boolean refused = k.name().startsWith("Lean.Parser.Command.") && !COMMAND_SYNTAX.contains(k.name())
                    && !commands.contains(k.name())
                    // a submission's header must be empty: no `import`, `prelude` or `module`
                    || !headerAllowed && k.name().startsWith("Lean.Parser.Module.") && !k.name().equals("Lean.Parser.Module.header")
                    || EVALUATING.containsKey(k.name());
            if (refused) {
                found.add(new Found(k.pos(), words(k.name())));
            }
        }
        syntax.options().stream().filter(o -> !allowedOption(o.name()))
                .forEach(o -> found.add(new Found(o.pos(), "set_option " + o.name())));
        syntax.attributes().stream().filter(a -> !ATTRIBUTES.contains(a.name()))
                .forEach(a -> found.add(new Found(a.pos(), "@[" + words(a.name()) + "]")));
        syntax.identifiers().stream().filter(i -> COMPILED_CODE_CONSTANTS.contains(lastPart(i.name())))
                .forEach(i -> found.add(new Found(i.pos(), i.name() + " (compiled code)")));
        syntax.configFields().stream().filter(f -> f.name().equals("native"))
                .forEach(f -> found.add(new Found(f.pos(), "the configuration native (compiled code)")));
        syntax.configValues().stream().filter(v -> !v.name().equals("true") && !v.name().equals("false"))
                .forEach(v -> found.add(new Found(v.pos(), "the configuration value " + v.name()
                        + " (a configuration is evaluated as code: only true and false are allowed)")));
        return found.stream()
                .sorted(Comparator.comparingInt((Found f) -> f.pos().line()).thenComparingInt(f -> f.pos().column()))
                .map(f -> "policy: " + f.what() + " at " + f.pos() + " is not allowed")
                .distinct().toList();
    }

    private static boolean allowedOption(String name) {
        return OPTIONS.contains(name) || OPTION_FAMILIES.stream().anyMatch(name::startsWith);
    }

    /** {@code Lean.Parser.Command.eval} as {@code #eval}, {@code Lean.Parser.Attr.extern} as {@code extern}. */
    private static String words(String kind) {
        String known = WORDS.getOrDefault(kind, EVALUATING.get(kind));
        if (known != null) {
            return known;
        }
        for (String prefix : List.of("Lean.Parser.Command.", "Lean.Parser.Attr.", "Lean.Parser.")) {
            if (kind.startsWith(prefix)) {
                return kind.substring(prefix.length());
            }
        }
        return kind;
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
