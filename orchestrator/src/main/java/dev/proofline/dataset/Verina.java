package dev.proofline.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofline.batch.LeanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout of sunblaze-ucb/verina: a folder per task with {@code task.json} (its {@code id}),
 * {@code description.txt}, and {@code task.lean}, whose sections ({@code -- !benchmark @start code} …
 * {@code @end code}, likewise {@code import}, {@code precond}, {@code postcond}, {@code proof} and their
 * {@code _aux}) hold the reference solution. The theorem {@code …_spec_satisfied} of {@code task.lean} (that the
 * code meets its specification) is the problem, everything before it the preamble (the {@code proof_aux}
 * lemmas included, which Lean proves there), the {@code proof} section the reference
 * proof unless it is {@code sorry}. Only tasks that import no Mathlib are kept.
 */
final class Verina {
    static final String FAMILY = "verina";

    private Verina() {}

    static List<Path> tasks(Path source) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(p -> p.getFileName().toString().equals("task.lean") && Files.isRegularFile(p.resolveSibling("task.json")))
                    .sorted().toList();
        }
    }

    static void read(Path source, List<Path> tasks, RecordReader into) throws IOException {
        for (Path file : tasks) {
            String where = source.relativize(file).toString();
            Path folder = file.getParent();
            String id;
            try {
                JsonNode json = Dataset.JSON.readTree(folder.resolve("task.json").toFile());
                id = json.path("id").asText(folder.getFileName().toString());
            } catch (IOException e) {
                into.reject(source.relativize(folder.resolve("task.json")).toString(), "not JSON: " + e.getMessage());
                continue;
            }
            LeanFile lean = LeanFile.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> mathlib = lean.imports().stream().filter(m -> m.equals("Mathlib") || m.startsWith("Mathlib.")).toList();
            if (!mathlib.isEmpty()) {
                into.reject(where, id + " needs Mathlib (imports " + String.join(", ", mathlib) + ")");
                continue;
            }
            // the specification theorem; lemmas of the proof_aux section before it are context, proved there
            LeanFile.Theorem t = lean.theorems().stream().filter(x -> x.name().endsWith("_spec_satisfied")).findFirst().orElse(null);
            if (t == null || t.statement() == null) {
                into.reject(where, id + " states no theorem '…_spec_satisfied' proved after ':='");
                continue;
            }
            String preamble = String.join("\n", lean.body().lines().limit(t.firstLine() - 1).toList()).strip();
            Path description = folder.resolve("description.txt");
            String informal = Files.isRegularFile(description) ? Files.readString(description, StandardCharsets.UTF_8).strip() : null;
            List<String> header = lean.imports().isEmpty() ? List.of("Init") : lean.imports();
            try {
                into.add(new ProblemRecord(id, FAMILY, header, preamble, t.statement(), informal, t.isSorry() ? null : t.proof(),
                        null, 0, Map.of(), ProblemRecord.hash(header, preamble, t.statement())), where);
            } catch (IllegalArgumentException e) {
                into.reject(where, e.getMessage());
            }
        }
    }
}
