package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a model (or anyone) submits for a task and Proofline does not trust: a directory with
 * {@code candidate.lean}, which defines {@code kernel : Kernel} and proves {@code correct : Verified kernel pre spec}
 * against the task's {@code pre} and {@code spec} in namespace {@code namespace}, and {@code candidate.json}
 * ({@code {"namespace"}}).
 */
public record KernelCandidate(String name, Path lean, String namespace) {

    public static KernelCandidate load(Path dir) throws IOException {
        Path lean = dir.resolve("candidate.lean");
        Path json = dir.resolve("candidate.json");
        if (!Files.isRegularFile(lean) || !Files.isRegularFile(json)) {
            throw new IOException(dir + " is not a kernel candidate: it needs candidate.lean and candidate.json");
        }
        JsonNode c = new ObjectMapper().readTree(json.toFile());
        String ns = c.path("namespace").asText("");
        if (!ns.matches(KernelTask.LEAN_NAME)) {
            throw new IOException(json + ": \"namespace\" must be a Lean namespace, got " + c.path("namespace"));
        }
        return new KernelCandidate(dir.toAbsolutePath().normalize().getFileName().toString(), lean, ns);
    }

    public String source() throws IOException {
        return Files.readString(lean);
    }
}
