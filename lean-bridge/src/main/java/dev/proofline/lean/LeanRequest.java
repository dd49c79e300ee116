package dev.proofline.lean;

import java.util.List;

/**
 * One command for the REPL.
 *
 * @param cmd Lean source to elaborate
 * @param env the environment to elaborate in; {@code null} is the pristine header
 * @param heartbeats Lean's {@code maxHeartbeats} (in thousands, as the option); {@code null} keeps Lean's default
 * @param axiomsOf declarations whose kind and axioms the reply should report
 * @param keep whether the REPL keeps the resulting environment for later requests
 * @param reference Lean source (e.g. {@code theorem t … := sorry}) whose declarations of the same names the
 *     {@code axiomsOf} declarations must have the same type as; {@code null} for no comparison
 * @param replay whether the kernel checks the {@code axiomsOf} declarations again, with their dependencies
 * @param parseOnly whether the REPL only parses {@code cmd} and reports its syntax, elaborating nothing
 * @param prelude trusted Lean source elaborated before {@code cmd} (and before the reference), once per
 *     session; {@code null} for none
 */
public record LeanRequest(String cmd, Integer env, Integer heartbeats, List<String> axiomsOf, boolean keep,
                          String reference, boolean replay, boolean parseOnly, String prelude) {
    public LeanRequest {
        axiomsOf = List.copyOf(axiomsOf);
    }

    /** Elaborates {@code cmd} in the pristine header environment and forgets the result. */
    public static LeanRequest of(String cmd) {
        return new LeanRequest(cmd, null, null, List.of(), false, null, false, false, null);
    }

    /** Parses {@code cmd} without running any of it: the reply's {@link ParsedSyntax} is all there is. */
    public static LeanRequest parse(String cmd) {
        return new LeanRequest(cmd, null, null, List.of(), false, null, false, true, null);
    }

    public LeanRequest inEnv(int env) {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, keep, reference, replay, parseOnly, prelude);
    }

    public LeanRequest heartbeats(int thousands) {
        return new LeanRequest(cmd, env, thousands, axiomsOf, keep, reference, replay, parseOnly, prelude);
    }

    public LeanRequest axiomsOf(String... names) {
        return new LeanRequest(cmd, env, heartbeats, List.of(names), keep, reference, replay, parseOnly, prelude);
    }

    /** Keeps the resulting environment, to be named by later requests on the same session. */
    public LeanRequest keeping() {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, true, reference, replay, parseOnly, prelude);
    }

    /** Compares the types of the {@code axiomsOf} declarations with those {@code referenceSource} declares. */
    public LeanRequest comparedTo(String referenceSource) {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, keep, referenceSource, replay, parseOnly, prelude);
    }

    /** Elaborates {@code preludeSource} first (remembered per session); {@code cmd} builds on it. */
    public LeanRequest after(String preludeSource) {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, keep, reference, replay, parseOnly,
                preludeSource == null || preludeSource.isBlank() ? null : preludeSource);
    }

    /** Has the kernel check the {@code axiomsOf} declarations once more, whatever elaboration skipped. */
    public LeanRequest replayed() {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, keep, reference, true, parseOnly, prelude);
    }
}
