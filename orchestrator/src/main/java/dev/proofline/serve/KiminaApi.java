package dev.proofline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.repl.SnippetCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Kimina Lean Server's API (project-numina/kimina-lean-server: {@code POST /api/check}, and the legacy
 * {@code POST /verify}): its request shapes, read strictly, and its response shapes, written as it writes them,
 * so that its client works unchanged. Beyond Kimina, each result carries Proofline's {@code judgement}, and a
 * judged snippet that Proofline refuses although Lean raised no error carries an error message saying why, so
 * that the client's own {@code is_valid} is false for it; {@code "judge": false} gives Kimina's plain verdict.
 */
final class KiminaApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INFOTREES = Set.of("full", "tactics", "original", "substantive");
    private static final Set<String> CHECK_FIELDS = Set.of("snippets", "timeout", "debug", "reuse", "infotree", "judge");
    private static final Set<String> VERIFY_FIELDS = Set.of("codes", "timeout", "infotree_type", "disable_cache", "judge");

    /** One snippet: Kimina's {@code id} (a legacy {@code custom_id}) and the whole Lean file. */
    record Snippet(String id, String code) {}

    /**
     * A request's snippets and settings. {@code reuse} is read and has nothing to change: every snippet starts
     * from its header's pristine environment, and a process that ran a snippet the policy refuses is retired.
     */
    record Request(List<Snippet> snippets, Duration timeout, boolean debug, String infotree, boolean judge) {}

    private final SnippetCheck checker;
    private final Duration maxTimeout;
    private final boolean judgeByDefault;
    private final ServiceMetrics metrics;

    KiminaApi(SnippetCheck checker, Duration maxTimeout, boolean judgeByDefault, ServiceMetrics metrics) {
        this.checker = checker;
        this.maxTimeout = maxTimeout;
        this.judgeByDefault = judgeByDefault;
        this.metrics = metrics;
    }

    /** {@code {"snippets": [{"id", "code"}], "timeout"?: 30, "debug"?, "reuse"?, "infotree"?, "judge"?}}. */
    Request readCheck(JsonNode body) throws BadRequest {
        Fields.object(body, "request", CHECK_FIELDS);
        List<Snippet> snippets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> given = Fields.nonEmptyArray(body, "snippets");
        for (int i = 0; i < given.size(); i++) {
            String where = "snippets[" + i + "]";
            JsonNode s = Fields.object(given.get(i), where, Set.of("id", "code"));
            String id = Fields.text(s, "id", where, true);
            if (!ids.add(id)) {
                throw new BadRequest(where + ".id: '" + id + "' is used twice; snippets must have unique ids");
            }
            snippets.add(new Snippet(id, Fields.text(s, "code", where, true)));
        }
        return new Request(snippets, timeout(body, 30), Fields.bool(body, "debug", false),
                infotree(body, "infotree"), judge(body, "reuse"));
    }

    /** {@code {"codes": [{"custom_id", "proof" | "code"}], "timeout"?: 300, "infotree_type"?, "disable_cache"?, "judge"?}}. */
    Request readVerify(JsonNode body) throws BadRequest {
        Fields.object(body, "request", VERIFY_FIELDS);
        List<Snippet> snippets = new ArrayList<>();
        List<JsonNode> given = Fields.nonEmptyArray(body, "codes");
        for (int i = 0; i < given.size(); i++) {
            String where = "codes[" + i + "]";
            JsonNode c = Fields.object(given.get(i), where, Set.of("custom_id", "proof", "code"));
            JsonNode id = c.get("custom_id");
            if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
                throw new BadRequest(where + ".custom_id: must be a string or an integer");
            }
            String proof = Fields.text(c, "proof", where, false);
            String code = proof != null ? proof : Fields.text(c, "code", where, false);
            if (code == null) {
                throw new BadRequest(where + ": has neither proof nor code");
            }
            snippets.add(new Snippet(id.asText(), code));
        }
        return new Request(snippets, timeout(body, 300), false, infotree(body, "infotree_type"),
                judge(body, "disable_cache"));
    }

    private Duration timeout(JsonNode body, int fallback) throws BadRequest {
        JsonNode t = body.get("timeout");
        if (t == null || t.isNull()) {
            return Duration.ofSeconds(Math.min(fallback, maxTimeout.toSeconds()));
        }
        if (!t.isIntegralNumber() && !(t.isNumber() && t.asDouble() == Math.rint(t.asDouble())) || t.asLong() < 1) {
            throw new BadRequest("timeout: must be a whole number of seconds, at least 1");
        }
        if (t.asLong() > maxTimeout.toSeconds()) {
            throw new BadRequest("timeout: " + t.asLong() + " s is over this server's limit of " + maxTimeout.toSeconds() + " s");
        }
        return Duration.ofSeconds(t.asLong());
    }

    private static String infotree(JsonNode body, String field) throws BadRequest {
        String mode = Fields.text(body, field, "request", false);
        if (mode != null && !INFOTREES.contains(mode)) {
            throw new BadRequest(field + ": '" + mode + "' is not one of full, tactics, original, substantive");
        }
        return mode;
    }

    /** {@code judge}, after checking the type of Kimina's process-reuse field, which changes nothing here. */
    private boolean judge(JsonNode body, String reuseField) throws BadRequest {
        Fields.bool(body, reuseField, false);
        return Fields.bool(body, "judge", judgeByDefault);
    }

    /** Each snippet's work, for the queue. */
    List<Callable<ObjectNode>> work(Request request, boolean legacy) {
        List<Callable<ObjectNode>> out = new ArrayList<>();
        for (Snippet s : request.snippets()) {
            out.add(() -> {
                long t0 = System.nanoTime();
                SnippetCheck.Result r = checker.run(s.code(), request.timeout(), request.infotree(), request.judge());
                double seconds = Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
                metrics.snippet(r.status().name().toLowerCase(), System.nanoTime() - t0);
                return legacy ? legacyResult(s, r, seconds) : result(s, r, seconds, request.debug());
            });
        }
        return out;
    }

    /** {@code {"results": [...]}}, in the request's order. */
    static ObjectNode results(List<ObjectNode> results) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("results");
        results.forEach(list::add);
        return out;
    }

    /** Kimina's {@code ReplResponse}: {@code {"id", "time", "error" | "response", "diagnostics"?}}, and the judgement. */
    private static ObjectNode result(Snippet s, SnippetCheck.Result r, double seconds, boolean debug) {
        ObjectNode out = JSON.createObjectNode().put("id", s.id()).put("time", seconds);
        if (r.error() != null) {
            out.put("error", r.error());
        } else {
            out.set("response", r.response());
        }
        if (debug) {
            ObjectNode d = out.putObject("diagnostics").put("repl_uuid", "lean-" + r.session());
            if (r.sessionRssBytes() > 0) {
                d.put("memory_max", r.sessionRssBytes());
            }
        }
        judgement(out, r);
        return out;
    }

    /** The legacy {@code {"custom_id", "error"?, "response": {..., "time"}}}, and the judgement. */
    private static ObjectNode legacyResult(Snippet s, SnippetCheck.Result r, double seconds) {
        ObjectNode out = JSON.createObjectNode().put("custom_id", s.id());
        if (r.error() != null) {
            out.put("error", r.error());
        } else {
            out.set("response", r.response().deepCopy().put("time", seconds));
        }
        judgement(out, r);
        return out;
    }

    /** {@code "judgement": {"valid", "refusals", "theorems"}}, where judged; extra fields a Kimina client ignores. */
    private static void judgement(ObjectNode out, SnippetCheck.Result r) {
        if (r.theorems() == null) {
            return;
        }
        ObjectNode j = out.putObject("judgement").put("valid", r.valid());
        r.refusals().forEach(j.putArray("refusals")::add);
        j.set("theorems", r.theorems());
    }
}
