package dev.proofline.batch;

import dev.proofline.check.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems by id; inputs that are not usable problems are listed with the reason, and by id where they have
 * one, so that their candidates are told why ({@code bad-problem}) rather than that the problem is unknown.
 */
public record ProblemSet(Map<String, Problem> byId, List<String> rejectedLines, Map<String, String> badById) {

    /**
     * A JSONL file; a dataset directory (its {@code problems.jsonl}); or a directory of {@code .lean}
     * problem files ({@link LeanProblemFiles}).
     */
    public static ProblemSet read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path dataset = path.resolve("problems.jsonl");
            return Files.isRegularFile(dataset) ? readJsonl(dataset) : LeanProblemFiles.read(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such problems file or directory");
        }
        return readJsonl(path);
    }

    static ProblemSet of(List<Problem> problems, List<String> rejected, Map<String, String> badById) {
        Map<String, Problem> byId = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(rejected);
        for (Problem p : problems) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                all.add("duplicate problem id " + p.id());
            }
        }
        return new ProblemSet(byId, all, badById);
    }

    public static ProblemSet readJsonl(Path file) throws IOException {
        return fromLines(Jsonl.read(file));
    }

    /** Problems from JSONL lines, or from any JSON records named as lines. */
    public static ProblemSet fromLines(List<Jsonl.Line> lines) {
        List<Problem> problems = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<String, String> badById = new LinkedHashMap<>();
        for (Jsonl.Line line : lines) {
            if (line.error() != null) {
                rejected.add(line.where() + ": " + line.error());
                continue;
            }
            try {
                var n = line.node();
                // a dataset's record has no tags but a family, its tag as in ProblemRecord.toProblem
                List<String> tags = n.has("tags") ? Jsonl.strings(n, "tags") : Jsonl.strings(n, "family");
                problems.add(new Problem(Jsonl.text(n, "id"), Jsonl.strings(n, "header"), Jsonl.text(n, "preamble"),
                        Jsonl.text(n, "statement"), Jsonl.text(n, "informal"), tags, Jsonl.options(n, "options")));
            } catch (IllegalArgumentException e) {
                rejected.add(line.where() + ": " + e.getMessage());
                String id = Jsonl.text(line.node(), "id");
                if (id != null) {
                    badById.putIfAbsent(id, e.getMessage() + " (" + line.where() + ")");
                }
            }
        }
        return of(problems, rejected, badById);
    }
}
