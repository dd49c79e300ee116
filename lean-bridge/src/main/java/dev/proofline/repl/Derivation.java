package dev.proofline.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.lean.LeanSession;
import java.util.ArrayList;
import java.util.List;

/**
 * How the environments and proof states of a session were made, so that each can be made again on a fresh
 * Lean: after a timeout or a crash killed the one that held it, or from a pickle file. A {@link Step} is one
 * request that was run (a command on an environment, or a tactic on a proof state); its products are the
 * {@link Ref}s it made, in the order Lean numbered them.
 */
final class Derivation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Derivation() {}

    /** One request that was run: a command ({@code tactic} false) or a tactic, on {@code parent}. */
    static final class Step {
        final List<String> header;
        final Ref parent;
        final boolean tactic;
        final String text;
        /** Whether a command also reports its tactic blocks' goals as proof states ({@code rootGoals}). */
        boolean rootGoals;
        /** Whether a command also lists its tactics, each with a proof state ({@code allTactics}). */
        boolean allTactics;
        /** Which info trees a command reports ({@code infotree}: full, tactics, original, substantive), or null. */
        String infotree;
        /**
         * The policy's reasons to refuse this command or any its environment was built from, each once: what
         * {@code verify} reports of the theorems it declares. Known once the step has run.
         */
        List<String> violations;
        final List<Ref> products = new ArrayList<>();

        Step(List<String> header, Ref parent, boolean tactic, String text) {
            this.header = List.copyOf(header);
            this.parent = parent;
            this.tactic = tactic;
            this.text = text;
            this.violations = parent == null ? List.of() : parent.step.violations;
        }

        /** Adds the policy's findings on this step's own text to those it inherits. */
        void found(List<String> own) {
            java.util.Set<String> all = new java.util.LinkedHashSet<>(violations);
            all.addAll(own);
            violations = List.copyOf(all);
        }

        Ref product(boolean env) {
            Ref r = new Ref(this, products.size(), env);
            products.add(r);
            return r;
        }
    }

    /** An environment or a proof state: the step that made it, and where it lives in Lean now. */
    static final class Ref {
        final Step step;
        final int index;
        final boolean env;
        LeanSession session;
        int leanId;

        Ref(Step step, int index, boolean env) {
            this.step = step;
            this.index = index;
            this.env = env;
        }

        /** Whether the Lean process that holds it is {@code current} and alive. */
        boolean livesIn(LeanSession current) {
            return session != null && session == current && session.isAlive();
        }
    }

    /** {@code ref} as data: the steps from the start of its session down to it. */
    static ObjectNode write(Ref ref) {
        ArrayNode steps = JSON.createArrayNode();
        List<Ref> chain = new ArrayList<>();
        for (Ref r = ref; r != null; r = r.step.parent) {
            chain.add(0, r);
        }
        for (Ref r : chain) {
            ObjectNode s = steps.addObject();
            s.put(r.step.tactic ? "tactic" : "cmd", r.step.text);
            s.put("rootGoals", r.step.rootGoals);
            s.put("allTactics", r.step.allTactics);
            s.put("product", r.index);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("proofline_pickle", 1);
        ArrayNode header = out.putArray("header");
        ref.step.header.forEach(header::add);
        out.put("kind", ref.env ? "env" : "proofState");
        out.set("steps", steps);
        return out;
    }

    /** The steps of a pickle written by {@link #write}, checked for shape; a message says what is wrong. */
    static List<JsonNode> steps(JsonNode pickle) {
        if (pickle.path("proofline_pickle").asInt() != 1 || !pickle.path("steps").isArray()
                || !pickle.path("header").isArray() || pickle.path("steps").isEmpty()) {
            throw new IllegalArgumentException("not a pickle written by proofline repl");
        }
        List<JsonNode> steps = new ArrayList<>();
        pickle.get("steps").forEach(steps::add);
        return steps;
    }
}
