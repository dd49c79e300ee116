package dev.proofline.lean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request for the REPL: a command to elaborate, or a judgement of exported declarations.
 *
 * @param cmd Lean source to elaborate; {@code null} for a judgement
 * @param env the environment to elaborate in; {@code null} is the pristine header
 * @param heartbeats Lean's {@code maxHeartbeats} (in thousands, as the option); {@code null} keeps Lean's default
 * @param axiomsOf declarations whose kind and axioms the reply should report
 * @param keep whether the REPL keeps the resulting environment for later requests
 * @param reference trusted Lean source (e.g. {@code theorem t … := sorry}) elaborated alone: the theorems it
 *     declares are the request's targets, named by Lean
 * @param export whether the reply carries the targets and everything of the command they rest on, as data
 * @param parseOnly whether the REPL only parses {@code cmd} and reports its syntax, elaborating nothing
 * @param prelude trusted Lean source elaborated before {@code cmd} (and before the reference), once per
 *     session, whose scopes stay in force; {@code null} for none
 * @param options Lean options the problem sets, by name (Boolean, Integer or String values)
 * @param judge an export to rebuild and replay against the reference, in a session that never elaborates
 *     a candidate's source; {@code null} for a command
 * @param targets in a judgement without a reference, the theorems to judge as they state themselves
 */
public record LeanRequest(String cmd, Integer env, Integer heartbeats, List<String> axiomsOf, boolean keep,
                          String reference, boolean export, boolean parseOnly, String prelude,
                          Map<String, Object> options, JsonNode judge, List<String> targets) {
    public LeanRequest {
        axiomsOf = List.copyOf(axiomsOf);
        targets = List.copyOf(targets);
        options = new TreeMap<>(options); // sorted: the REPL caches preludes by the options' text
        if ((cmd == null) == (judge == null)) {
            throw new IllegalArgumentException("a request is either a command or a judgement");
        }
    }

    /** Elaborates {@code cmd} in the pristine header environment and forgets the result. */
    public static LeanRequest of(String cmd) {
        return new LeanRequest(cmd, null, null, List.of(), false, null, false, false, null, Map.of(), null, List.of());
    }

    /** Parses {@code cmd} without running any of it: the reply's {@link ParsedSyntax} is all there is. */
    public static LeanRequest parse(String cmd) {
        return of(cmd).with(b -> b.parseOnly = true);
    }

    /**
     * Rebuilds the declarations of {@code export} (the reply of an {@link #exported} request) and replays them
     * against the reference; {@link LeanPool} sends it to a judge session.
     */
    public static LeanRequest judge(JsonNode export) {
        return new LeanRequest(null, null, null, List.of(), false, null, false, false, null, Map.of(), export, List.of());
    }

    /**
     * Rebuilds the declarations of {@code export} (a session command's) and replays the theorems {@code names}
     * as they state themselves: a REPL's {@code verify}, which has no reference statement.
     */
    public static LeanRequest judgeDeclared(JsonNode export, List<String> names) {
        return judge(export).with(b -> b.targets = names);
    }

    public boolean isJudgement() {
        return judge != null;
    }

    public LeanRequest inEnv(int env) {
        return with(b -> b.env = env);
    }

    public LeanRequest heartbeats(int thousands) {
        return with(b -> b.heartbeats = thousands);
    }

    public LeanRequest axiomsOf(String... names) {
        return with(b -> b.axiomsOf = List.of(names));
    }

    /** Keeps the resulting environment, to be named by later requests on the same session. */
    public LeanRequest keeping() {
        return with(b -> b.keep = true);
    }

    /** Takes the theorems {@code referenceSource} declares as the request's targets. */
    public LeanRequest comparedTo(String referenceSource) {
        return with(b -> b.reference = referenceSource);
    }

    /** Elaborates {@code preludeSource} first (remembered per session); {@code cmd} builds on it. */
    public LeanRequest after(String preludeSource) {
        return with(b -> b.prelude = preludeSource == null || preludeSource.isBlank() ? null : preludeSource);
    }

    /** Sets Lean options for the prelude, the reference and the command, as a problem's author would. */
    public LeanRequest withOptions(Map<String, Object> leanOptions) {
        return with(b -> b.options = leanOptions);
    }

    /** Has the reply carry the targets and what they rest on as data, for a {@link #judge} request. */
    public LeanRequest exported() {
        return with(b -> b.export = true);
    }

    /** The fields as one mutable copy, so each option above changes one thing. */
    private static final class Fields {
        String cmd;
        Integer env;
        Integer heartbeats;
        List<String> axiomsOf;
        boolean keep;
        String reference;
        boolean export;
        boolean parseOnly;
        String prelude;
        Map<String, Object> options;
        JsonNode judge;
        List<String> targets;
    }

    private LeanRequest with(java.util.function.Consumer<Fields> change) {
        Fields b = new Fields();
        b.cmd = cmd;
        b.env = env;
        b.heartbeats = heartbeats;
        b.axiomsOf = axiomsOf;
        b.keep = keep;
        b.reference = reference;
        b.export = export;
        b.parseOnly = parseOnly;
        b.prelude = prelude;
        b.options = options;
        b.judge = judge;
        b.targets = targets;
        change.accept(b);
        return new LeanRequest(b.cmd, b.env, b.heartbeats, b.axiomsOf, b.keep, b.reference, b.export, b.parseOnly,
                b.prelude, b.options, b.judge, b.targets);
    }
}
