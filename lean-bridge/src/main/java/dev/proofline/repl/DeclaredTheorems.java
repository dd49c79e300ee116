package dev.proofline.repl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Declaration;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The judgement of each theorem a command declared — the REPL's {@code verify} and the service's verdicts: by
 * {@code check}'s rules ({@link ProofChecker#judgeDeclared}) with each theorem's own statement, the exported
 * declarations replayed by a judge session that never saw the command's source.
 */
final class DeclaredTheorems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclaredTheorems() {}

    /**
     * Each theorem {@code elaborated} (a session command's reply, exported) declared, in the order {@code text}
     * states them, with its findings; {@code judge} sends the judgement to a judge session.
     */
    static Map<String, ProofChecker.Findings> judge(Set<String> allowedAxioms, List<String> violations,
            LeanResult elaborated, String text, Function<LeanRequest, LeanResult> judge) {
        List<String> declared = new ArrayList<>();
        elaborated.reply().path("declared").forEach(d -> declared.add(d.asText()));
        // Lean reports them in the order of its hash map
        declared.sort(Comparator.comparingInt((String n) -> text.indexOf(n.substring(n.lastIndexOf('.') + 1)))
                .thenComparing(Comparator.naturalOrder()));
        Map<String, ProofChecker.Findings> out = new LinkedHashMap<>();
        if (declared.isEmpty()) {
            return out;
        }
        LeanResult judged = judge.apply(LeanRequest.judgeDeclared(elaborated.export(), declared));
        for (String name : declared) {
            out.put(name, !judged.isOk()
                    ? new ProofChecker.Findings(List.of("judge: " + judged.status().name().toLowerCase() + ": "
                            + judged.detail()), List.of())
                    : ProofChecker.judgeDeclared(allowedAxioms, violations, elaborated, judged.declaration(name)
                            .orElse(new Declaration(name, false, null, false, List.of(), null, null, List.of())), judged.exportError()));
        }
        return out;
    }

    /** {@code [{"name", "verdict", "reasons", "axioms"}]}. */
    static ArrayNode json(Map<String, ProofChecker.Findings> theorems) {
        ArrayNode out = JSON.createArrayNode();
        theorems.forEach((name, f) -> {
            ObjectNode v = out.addObject();
            v.put("name", name);
            v.put("verdict", f.accepted() ? "accepted" : "rejected");
            f.reasons().forEach(v.putArray("reasons")::add);
            f.axioms().forEach(v.putArray("axioms")::add);
        });
        return out;
    }
}
