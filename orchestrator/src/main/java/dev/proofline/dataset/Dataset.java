package dev.proofline.dataset;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A dataset directory: {@code problems.jsonl} (one {@link ProblemRecord} per line), {@code lean/<id>.lean}
 * (each problem as a file a person can open), {@code README.md} (statistics) and {@code manifest.json}
 * (provenance, counts, and the SHA-256 of every other file). Writing is deterministic.
 */
public record Dataset(String name, String version, Map<String, Object> source, Long seed, List<ProblemRecord> problems) {
    public static final String PROBLEMS = "problems.jsonl";
    public static final String MANIFEST = "manifest.json";
    public static final String README = "README.md";

    static final ObjectMapper JSON = dev.proofline.batch.Jsonl.JSON;
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public Dataset {
        problems = List.copyOf(problems);
        source = source == null ? Map.of() : new LinkedHashMap<>(source);
    }

    /** Writes the dataset into {@code dir}, replacing a dataset there (its {@code lean/} folder included). */
    public Manifest write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path lean = dir.resolve("lean");
        if (Files.isDirectory(lean)) {
            try (Stream<Path> old = Files.list(lean)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(lean);
        Map<String, String> files = new TreeMap<>();
        StringBuilder jsonl = new StringBuilder();
        for (ProblemRecord r : problems) {
            jsonl.append(JSON.writeValueAsString(r)).append('\n');
            files.put("lean/" + r.id() + ".lean", writeFile(dir.resolve("lean").resolve(r.id() + ".lean"), r.leanFile()));
        }
        files.put(PROBLEMS, writeFile(dir.resolve(PROBLEMS), jsonl.toString()));
        Map<String, Manifest.Counts> counts = Manifest.count(problems);
        files.put(README, writeFile(dir.resolve(README), readme(counts)));
        Manifest manifest = new Manifest(name, version, source, seed, problems.size(), counts, files);
        writeFile(dir.resolve(MANIFEST), PRETTY.writeValueAsString(manifest) + "\n");
        return manifest;
    }

    /** The manifest of a dataset directory. */
    public static Manifest manifest(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
    }

    /** Files of the directory whose SHA-256 differs from the manifest's, or that are missing. */
    public static List<String> verify(Path dir) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> f : manifest(dir).files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!Files.isRegularFile(p)) {
                bad.add(f.getKey() + ": missing");
            } else if (!ProblemRecord.sha256(Files.readAllBytes(p)).equals(f.getValue())) {
                bad.add(f.getKey() + ": content differs from the manifest's hash");
            }
        }
        return bad;
    }

    private static String writeFile(Path p, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProblemRecord.sha256(bytes);
    }

    private String readme(Map<String, Manifest.Counts> counts) {
        StringBuilder b = new StringBuilder("# " + name + " (version " + version + ")\n\n");
        b.append(problems.size()).append(" problems");
        if (!source.isEmpty()) {
            b.append(", from ").append(source.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .reduce((x, y) -> x + ", " + y).orElse(""));
        }
        if (seed != null) {
            b.append(", seed ").append(seed);
        }
        b.append(".\n\n");
        b.append("| family | problems | provable | false controls | by difficulty |\n| --- | --- | --- | --- | --- |\n");
        counts.forEach((family, c) -> b.append("| ").append(family).append(" | ").append(c.total()).append(" | ")
                .append(c.byExpected().getOrDefault("provable", 0)).append(" | ")
                .append(c.byExpected().getOrDefault("false_control", 0)).append(" | ")
                .append(c.byDifficulty().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).orElse("")).append(" |\n"));
        b.append("\n`problems.jsonl` has one record per line: `id`, `family`, `header` (imports), `preamble` "
                + "(trusted definitions), `statement`, `informal` (Markdown), `reference_proof`, `expected` "
                + "(`provable`, or `false_control`: a false statement the reference proof must fail on), "
                + "`difficulty`, `params`, `hash`. `lean/` has each problem as a Lean file. `manifest.json` has "
                + "the SHA-256 of every file. Check candidate proofs with\n`proofline check --problems "
                + PROBLEMS + " --candidates CANDIDATES --out results.jsonl`.\n");
        return b.toString();
    }
}
