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
 */
public record LeanRequest(String cmd, Integer env, Integer heartbeats, List<String> axiomsOf, boolean keep) {
    public LeanRequest {
        axiomsOf = List.copyOf(axiomsOf);
    }

    /** Elaborates {@code cmd} in the pristine header environment and forgets the result. */
    public static LeanRequest of(String cmd) {
        return new LeanRequest(cmd, null, null, List.of(), false);
    }

    public LeanRequest inEnv(int env) {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, keep);
    }

    public LeanRequest heartbeats(int thousands) {
        return new LeanRequest(cmd, env, thousands, axiomsOf, keep);
    }

    public LeanRequest axiomsOf(String... names) {
        return new LeanRequest(cmd, env, heartbeats, List.of(names), keep);
    }

    /** Keeps the resulting environment, to be named by later requests on the same session. */
    public LeanRequest keeping() {
        return new LeanRequest(cmd, env, heartbeats, axiomsOf, true);
    }
}
