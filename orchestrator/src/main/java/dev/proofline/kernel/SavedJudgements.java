package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.gpu.KernelIr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Lean said about a task and a candidate — the claim and the spec's outputs — kept in a directory under
 * a hash of every file it depends on and of the claim candidate.json declares, so that a machine without Lean
 * (the lent GPU machine) can run the rest of the chain on exactly what was judged here. A changed language, task
 * or candidate is a different key: nothing stale is reused.
 */
public record SavedJudgements(Path dir) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key of {@code candidate} judged for {@code task} under the language {@code language}. */
    public static String key(Path language, KernelTask task, KernelCandidate candidate) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path p : List.of(language, task.lean(), task.lean().resolveSibling("task.json"), candidate.lean())) {
                d.update(Files.readAllBytes(p));
                d.update((byte) 0);
            }
            d.update(candidate.namespace().getBytes(StandardCharsets.UTF_8));
            if (candidate.claim() != KernelCandidate.Claim.VERIFIED) { // the claim candidate.json declares; keys of Verified ones unchanged
                d.update((byte) 0);
                d.update(candidate.claim().lean().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<KernelJudge.Claim> claim(String key) throws IOException {
        Path f = dir.resolve(key + ".claim.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        JsonNode j = JSON.readTree(f.toFile());
        String irJson = j.path("ir").isNull() || j.path("ir").isMissingNode() ? null : j.get("ir").toString();
        List<Map<String, Long>> admitted = new ArrayList<>();
        for (JsonNode s : j.path("admitted")) {
            Map<String, Long> shape = new LinkedHashMap<>();
            s.fields().forEachRemaining(e -> shape.put(e.getKey(), e.getValue().asLong()));
            admitted.add(Map.copyOf(shape));
        }
        KernelCandidate.Claim kind = KernelCandidate.Claim.of(j.path("claim").asText(KernelCandidate.Claim.VERIFIED.lean()));
        if (kind == null) {
            throw new IOException(f + ": unknown claim " + j.path("claim"));
        }
        return Optional.of(new KernelJudge.Claim(j.path("candidate").asText(), kind, j.path("judged").asBoolean(), strings(j.path("reasons")),
                strings(j.path("axioms")), List.of(), irJson == null ? null : KernelIr.parse(irJson), irJson, List.copyOf(admitted),
                strings(j.path("refused"))));
    }

    public void save(String key, KernelJudge.Claim c) throws IOException {
        ObjectNode j = JSON.createObjectNode();
        j.put("candidate", c.candidate());
        j.put("claim", c.kind().lean());
        j.put("judged", c.judged());
        j.set("reasons", JSON.valueToTree(c.reasons()));
        j.set("axioms", JSON.valueToTree(c.axioms()));
        j.set("ir", c.irJson() == null ? null : JSON.readTree(c.irJson()));
        j.set("admitted", JSON.valueToTree(c.admitted()));
        j.set("refused", JSON.valueToTree(c.refused()));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(key + ".claim.json"), j.toString() + "\n");
    }

    /** The spec's outputs Lean computed for this key's workloads, by workload. */
    public Map<String, Map<String, int[]>> specOutputs(String key) throws IOException {
        Map<String, Map<String, int[]>> out = new LinkedHashMap<>();
        Path f = dir.resolve(key + ".spec.json");
        if (Files.isRegularFile(f)) {
            JSON.readTree(f.toFile()).fields().forEachRemaining(w -> {
                Map<String, int[]> outputs = new LinkedHashMap<>();
                w.getValue().fields().forEachRemaining(o -> outputs.put(o.getKey(), JSON.convertValue(o.getValue(), int[].class)));
                out.put(w.getKey(), outputs);
            });
        }
        return out;
    }

    public void saveSpecOutputs(String key, Map<String, Map<String, int[]>> outputs) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(key + ".spec.json"), JSON.valueToTree(outputs).toString() + "\n");
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }
}
