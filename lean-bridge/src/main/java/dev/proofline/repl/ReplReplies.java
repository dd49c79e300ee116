package dev.proofline.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Upstream's reply shapes, from the replies of Proofline's REPL program: its numbers put in place of Lean's,
 * empty lists left out, message texts trimmed, positions a tactic's text has none of left out.
 */
final class ReplReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplReplies() {}

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message);
    }

    static ObjectNode env(int env) {
        return JSON.createObjectNode().put("env", env);
    }

    /** {@code {"env", "messages"?, "sorries"?, "tactics"?, "infotree"?}}. */
    static ObjectNode command(int env, JsonNode lean, List<Integer> sorryNumbers, List<Integer> tacticNumbers) {
        ObjectNode out = env(env);
        putNonEmpty(out, "messages", messages(lean.path("messages")));
        putNonEmpty(out, "sorries", sorries(lean.path("sorries"), sorryNumbers));
        ArrayNode tactics = JSON.createArrayNode();
        int i = 0;
        for (JsonNode t : lean.path("tactics")) {
            ObjectNode o = ((ObjectNode) t).deepCopy();
            o.put("proofState", tacticNumbers.get(i++));
            tactics.add(o);
        }
        putNonEmpty(out, "tactics", tactics);
        putInfotree(out, lean);
        return out;
    }

    /**
     * {@code {"messages"?, "sorries"?, "infotree"?}}: the reply to a command that kept neither its environment nor
     * its proof states (a service's snippet), so it numbers none.
     */
    static ObjectNode unnumbered(JsonNode lean) {
        ObjectNode out = JSON.createObjectNode();
        putNonEmpty(out, "messages", messages(lean.path("messages")));
        putNonEmpty(out, "sorries", sorries(lean.path("sorries"), null));
        putInfotree(out, lean);
        return out;
    }

    private static void putInfotree(ObjectNode out, JsonNode lean) {
        if (!lean.path("infotree").isEmpty()) {
            out.set("infotree", lean.get("infotree").deepCopy());
        }
    }

    /** {@code {"proofState", "goals", "messages"?, "sorries"?, "traces"?, "proofStatus"}}. */
    static ObjectNode proofStep(int proofState, JsonNode lean, List<Integer> sorryNumbers) {
        ObjectNode out = JSON.createObjectNode().put("proofState", proofState);
        out.set("goals", lean.path("goals").deepCopy());
        putNonEmpty(out, "messages", messages(lean.path("messages")));
        putNonEmpty(out, "sorries", sorries(lean.path("sorries"), sorryNumbers));
        if (!lean.path("traces").isEmpty()) {
            out.set("traces", lean.get("traces").deepCopy());
        }
        out.put("proofStatus", lean.path("proofStatus").asText());
        return out;
    }

    private static void putNonEmpty(ObjectNode out, String field, ArrayNode list) {
        if (!list.isEmpty()) {
            out.set(field, list);
        }
    }

    private static ArrayNode messages(JsonNode lean) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode m : lean) {
            ObjectNode o = out.addObject();
            o.put("severity", m.path("severity").asText());
            o.set("pos", m.get("pos"));
            o.set("endPos", m.get("endPos")); // null where Lean gives none, as upstream prints it
            o.put("data", m.path("data").asText().strip());
        }
        return out;
    }

    private static ArrayNode sorries(JsonNode lean, List<Integer> numbers) {
        ArrayNode out = JSON.createArrayNode();
        int i = 0;
        for (JsonNode s : lean) {
            ObjectNode o = out.addObject();
            o.put("goal", s.path("goal").asText());
            if (numbers != null) {
                o.put("proofState", numbers.get(i++));
            }
            if (s.path("pos").path("line").asInt() != 0) {
                o.set("pos", s.get("pos"));
            }
            if (s.path("endPos").path("line").asInt() != 0) {
                o.set("endPos", s.get("endPos"));
            }
        }
        return out;
    }
}
