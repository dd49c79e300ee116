package dev.proofline.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofline.batch.Jsonl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSONL lines of problems, ours or others', into {@link ProblemRecord}s. Missing optional fields get
 * defaults ({@code family} the source's name, {@code expected} provable, the hash recomputed, the id the
 * given one or one derived from the hash); {@code proof} is read as {@code reference_proof}. A line that
 * cannot be used, a record whose stated hash is not its content's, and a duplicate (same normalised
 * problem) are reported with the reason, and reading goes on.
 */
public final class RecordReader {
    private final List<ProblemRecord> records = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final Set<String> hashes = new HashSet<>();
    private final Set<String> ids = new HashSet<>();

    /** Everything read so far. */
    public List<ProblemRecord> records() {
        return List.copyOf(records);
    }

    /** One line per unusable record: {@code file:line: reason}. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** Reads one JSONL file; {@code where} names it in reports, {@code family} is the default family. */
    public RecordReader read(Path file, String where, String family) throws IOException {
        for (Jsonl.Line line : Jsonl.read(file)) {
            add(line, where + ":" + line.number(), family);
        }
        return this;
    }

    private void add(Jsonl.Line line, String where, String defaultFamily) {
        if (line.error() != null) {
            rejected.add(where + ": " + line.error());
            return;
        }
        try {
            add(normalise(line.node(), defaultFamily), where);
        } catch (IllegalArgumentException e) {
            rejected.add(where + ": " + e.getMessage());
        }
    }

    /** Keeps {@code record}, unless it duplicates one kept before; {@code where} names its source in reports. */
    void add(ProblemRecord record, String where) {
        if (!hashes.add(record.hash())) {
            rejected.add(where + ": duplicate of an earlier problem (same normalised statement), id " + record.id());
        } else if (!ids.add(record.id())) {
            rejected.add(where + ": duplicate id " + record.id());
        } else {
            records.add(record);
        }
    }

    /** Lists an unusable record: {@code where}, then why. */
    void reject(String where, String reason) {
        rejected.add(where + ": " + reason);
    }

    private static final java.util.regex.Pattern THEOREM = java.util.regex.Pattern.compile("(^|\\s)(theorem|lemma)\\s");

    private static ProblemRecord normalise(JsonNode n, String defaultFamily) {
        String statement = Jsonl.text(n, "statement");
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("no \"statement\"");
        }
        if (!THEOREM.matcher(statement).find()) {
            // which theorem it declares is Lean's to read, when the problem is checked; a statement without
            // the keyword cannot declare one
            throw new IllegalArgumentException("the statement declares no theorem: " + statement.strip().lines().findFirst().orElse(""));
        }
        List<String> header = Jsonl.strings(n, "header");
        if (header.isEmpty()) {
            header.add("Init");
        }
        String preamble = Jsonl.text(n, "preamble");
        String hash = ProblemRecord.hash(header, preamble, statement);
        String stated = Jsonl.text(n, "hash");
        if (stated != null && !stated.equals(hash)) {
            throw new IllegalArgumentException("\"hash\" " + stated + " is not the hash of the record's statement ("
                    + hash + "): the record was changed");
        }
        String id = Jsonl.text(n, "id");
        String family = Jsonl.text(n, "family");
        String proof = Jsonl.text(n, "reference_proof") != null ? Jsonl.text(n, "reference_proof") : Jsonl.text(n, "proof");
        ProblemRecord.Expected expected;
        try {
            expected = Jsonl.text(n, "expected") == null ? null : ProblemRecord.Expected.valueOf(Jsonl.text(n, "expected"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"expected\" must be provable or false_control, not "
                    + Jsonl.text(n, "expected"));
        }
        if (expected == ProblemRecord.Expected.false_control && proof == null) {
            throw new IllegalArgumentException("a false control needs the \"reference_proof\" that must fail on it");
        }
        JsonNode d = n.get("difficulty");
        if (d != null && !d.isNull() && !d.canConvertToInt()) {
            throw new IllegalArgumentException("\"difficulty\" must be an integer, not " + d);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = n.get("params");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(e -> params.put(e.getKey(), Dataset.JSON.convertValue(e.getValue(), Object.class)));
        }
        return new ProblemRecord(id == null || id.isBlank() ? "problem_" + hash.substring(0, 12) : id,
                family == null || family.isBlank() ? defaultFamily : family, header, preamble, statement,
                Jsonl.text(n, "informal"), proof, expected, d == null || d.isNull() ? 0 : d.asInt(), params, hash);
    }
}
