package dev.proofline.batch;

import dev.proofline.check.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problems by id, read from JSONL; lines that are not usable problems are listed with the reason. */
public record ProblemSet(Map<String, Problem> byId, List<String> rejectedLines) {

    public static ProblemSet readJsonl(Path file) throws IOException {
        Map<String, Problem> byId = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            if (line.error() != null) {
                rejected.add(line.where() + ": " + line.error());
                continue;
            }
            try {
                var n = line.node();
                Problem p = new Problem(Jsonl.text(n, "id"), Jsonl.strings(n, "header"), Jsonl.text(n, "preamble"),
                        Jsonl.text(n, "statement"),
                        Jsonl.text(n, "informal"), Jsonl.strings(n, "tags"));
                if (byId.putIfAbsent(p.id(), p) != null) {
                    rejected.add(line.where() + ": duplicate problem id " + p.id());
                }
            } catch (IllegalArgumentException e) {
                rejected.add(line.where() + ": " + e.getMessage());
            }
        }
        return new ProblemSet(byId, rejected);
    }
}
