package dev.proofline.dataset;

import dev.proofline.batch.LeanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of leanprover/human-eval-lean: one Lean module per task, {@code HumanEvalLean/HumanEval<N>.lean},
 * with the implementation, tests ({@code example}s) and the verification theorems. Each theorem is a problem
 * ({@code HumanEval<N>-<theorem>}, other characters than letters, digits, {@code _ . -} read as {@code _}) whose preamble is everything of the module before it but the tests, which
 * declare nothing a statement could rest on, and whose reference proof is the module's proof.
 */
final class HumanEvalLean {
    static final String FAMILY = "human-eval-lean";
    private static final Pattern TASK = Pattern.compile("HumanEval\\d+\\.lean");

    private HumanEvalLean() {}

    static List<Path> tasks(Path source) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(p -> TASK.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted(java.util.Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }

    static void read(Path source, List<Path> tasks, RecordReader into) throws IOException {
        for (Path file : tasks) {
            String where = source.relativize(file).toString();
            String task = file.getFileName().toString().replaceFirst("\\.lean$", "");
            LeanFile lean = LeanFile.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (lean.theorems().isEmpty()) {
                into.reject(where, "no theorem");
                continue;
            }
            String[] lines = lean.body().split("\n", -1);
            lean.examples().forEach(e -> java.util.Arrays.fill(lines, e.first() - 1, e.last(), ""));
            for (LeanFile.Theorem t : lean.theorems()) {
                String at = where + ":" + t.firstLine();
                if (t.statement() == null) {
                    into.reject(at, t.name() + " is proved by equations, not after ':='");
                    continue;
                }
                String preamble = String.join("\n", java.util.Arrays.asList(lines).subList(0, t.firstLine() - 1)).strip();
                try {
                    // an id names a file of the dataset: `argmax?` and `«…»` are spelled with '_'
                    ProblemRecord r = new ProblemRecord(task + "-" + t.name().replaceAll("[^A-Za-z0-9_.-]", "_"), FAMILY, lean.imports(), preamble, t.statement(),
                            null, t.isSorry() ? null : t.proof(), null, 0, java.util.Map.of("task", task),
                            ProblemRecord.hash(lean.imports().isEmpty() ? List.of("Init") : lean.imports(), preamble, t.statement()));
                    into.add(r, at);
                } catch (IllegalArgumentException e) {
                    into.reject(at, e.getMessage());
                }
            }
        }
    }
}
