package dev.proofline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Strict reading of a request's JSON: each field of the type it must have, and no field the API lacks. */
final class Fields {
    private Fields() {}

    static JsonNode object(JsonNode node, String where, Set<String> known) throws BadRequest {
        if (node == null || !node.isObject()) {
            throw new BadRequest(where + ": must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadRequest(where + ": unknown field " + String.join(", ", unknown) + " (known: "
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
        return node;
    }

    /** A string field; {@code null} if absent or null and not {@code required}. */
    static String text(JsonNode node, String field, String where, boolean required) throws BadRequest {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadRequest(where + "." + field + ": missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRequest(where + "." + field + ": must be a string");
        }
        return v.asText();
    }

    static boolean bool(JsonNode node, String field, boolean fallback) throws BadRequest {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new BadRequest(field + ": must be true or false");
        }
        return v.asBoolean();
    }

    static List<JsonNode> nonEmptyArray(JsonNode node, String field) throws BadRequest {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadRequest(field + ": missing");
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new BadRequest(field + ": must be a non-empty list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }
}
