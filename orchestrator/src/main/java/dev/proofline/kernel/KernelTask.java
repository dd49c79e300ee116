package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.gpu.ElemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark author states and Proofline trusts: a directory with {@code task.lean} (in namespace
 * {@code namespace}: {@code pre} and {@code spec}, and the definitions {@code spec} uses) and {@code task.json}
 * ({@code {"namespace", "signature", "block", "shapes": [{size: value}], "types"?: ["f32", "i32"]}}; a task whose
 * spec uses {@code exp} or {@code sqrt}, which have no integer meaning, lists {@code ["f32"]};
 * {@code "reassociation": "int-like"}, see {@link #reassociation()}). A candidate kernel must take exactly
 * {@code signature} (as {@link dev.proofline.gpu.KernelIr.Signature} writes it) and prove
 * {@code Verified kernel pre spec} with this task's {@code pre} and {@code spec}.
 *
 * @param reassociation whether the task accepts a kernel that reassociates sums: one proving only
 *                      {@code VerifiedReassoc} (for integer-like scalars: exact for int32; for f32 its outputs are checked
 *                      against the spec and the baseline by tolerance, not proved). The benchmark author's choice, not
 *                      the candidate's: task.json {@code "reassociation": "int-like"}; absent, only {@code Verified}.
 */
public record KernelTask(String name, Path lean, String namespace, String signature, int block,
                         List<Map<String, Long>> shapes, List<ElemType> types, boolean reassociation) {
    /** The value of task.json's {@code "reassociation"} that allows {@code VerifiedReassoc}. */
    static final String INT_LIKE = "int-like";
    static final String LEAN_NAME = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";

    public static KernelTask load(Path dir) throws IOException {
        Path lean = dir.resolve("task.lean");
        Path json = dir.resolve("task.json");
        if (!Files.isRegularFile(lean) || !Files.isRegularFile(json)) {
            throw new IOException(dir + " is not a kernel task: it needs task.lean and task.json");
        }
        JsonNode t = new ObjectMapper().readTree(json.toFile());
        String ns = t.path("namespace").asText("");
        if (!ns.matches(LEAN_NAME)) {
            throw new IOException(json + ": \"namespace\" must be a Lean namespace, got " + t.path("namespace"));
        }
        String signature = t.path("signature").asText("");
        if (signature.isBlank()) {
            throw new IOException(json + ": \"signature\" must say what the kernel takes, e.g. \"(n) x[n] → out[n]\"");
        }
        int block = t.path("block").asInt(256);
        if (block < 1 || block > 1024) {
            throw new IOException(json + ": \"block\" must be 1 to 1024 threads, got " + t.path("block"));
        }
        List<Map<String, Long>> shapes = new ArrayList<>();
        for (JsonNode s : t.path("shapes")) {
            Map<String, Long> shape = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) s::fields) {
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || !e.getValue().canConvertToLong() || e.getValue().asLong() < 0) {
                    throw new IOException(json + ": a shape maps size names to natural numbers, got " + s);
                }
                shape.put(e.getKey(), e.getValue().asLong());
            }
            shapes.add(Map.copyOf(shape));
        }
        if (shapes.isEmpty()) {
            throw new IOException(json + ": \"shapes\" must list at least one shape");
        }
        List<ElemType> types = new ArrayList<>();
        for (JsonNode n : t.path("types")) {
            types.add(Arrays.stream(ElemType.values()).filter(e -> e.suffix().equals(n.asText())).findFirst()
                    .orElseThrow(() -> new IOException(json + ": \"types\" lists f32 and i32, got " + n)));
        }
        JsonNode re = t.path("reassociation");
        if (!re.isMissingNode() && !(re.isTextual() && re.asText().equals(INT_LIKE))) {
            throw new IOException(json + ": \"reassociation\" may only be \"" + INT_LIKE + "\" (kernels that reassociate sums, "
                    + "proved for integer-like scalars), got " + re);
        }
        return new KernelTask(dir.toAbsolutePath().normalize().getFileName().toString(), lean, ns, signature, block,
                List.copyOf(shapes), types.isEmpty() ? List.of(ElemType.values()) : List.copyOf(types), !re.isMissingNode());
    }
}
