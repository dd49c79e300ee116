package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel claim on disk: a directory {@code <name>/} with {@code <name>.lean} (kernel, {@code pre},
 * {@code spec} and {@code correct : Verified kernel pre spec} in namespace {@code namespace}) and
 * {@code claim.json} ({@code {"namespace", "block", "shapes": [{size: value}], "baseline"?}}). With
 * {@code "baseline": true} the file also has {@code baseline : Kernel} and
 * {@code baseline_correct : Verified baseline pre spec}: a slower kernel proved to compute the same function,
 * timed beside this one for SOL-ExecBench's score S.
 */
public record KernelSource(String name, Path lean, String namespace, int block, List<Map<String, Long>> shapes,
                           boolean baseline) {

    public static KernelSource load(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Path lean = dir.resolve(name + ".lean");
        Path claim = dir.resolve("claim.json");
        if (!Files.isRegularFile(lean) || !Files.isRegularFile(claim)) {
            throw new IOException(dir + " is not a kernel directory: it needs " + name + ".lean and claim.json");
        }
        JsonNode c = new ObjectMapper().readTree(claim.toFile());
        String ns = c.path("namespace").asText("");
        if (!ns.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new IOException(claim + ": \"namespace\" must be a Lean namespace, got " + c.path("namespace"));
        }
        List<Map<String, Long>> shapes = new ArrayList<>();
        for (JsonNode s : c.path("shapes")) {
            Map<String, Long> shape = new LinkedHashMap<>();
            s.fields().forEachRemaining(e -> shape.put(e.getKey(), e.getValue().asLong()));
            shapes.add(Map.copyOf(shape));
        }
        if (shapes.isEmpty()) {
            throw new IOException(claim + ": \"shapes\" must list at least one shape");
        }
        JsonNode baseline = c.path("baseline");
        if (!baseline.isMissingNode() && !baseline.isBoolean()) {
            throw new IOException(claim + ": \"baseline\" must be true or false, got " + baseline);
        }
        return new KernelSource(name, lean, ns, c.path("block").asInt(256), List.copyOf(shapes), baseline.asBoolean(false));
    }
}
