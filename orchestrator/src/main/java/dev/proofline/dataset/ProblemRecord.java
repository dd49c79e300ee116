package dev.proofline.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proofline.check.Candidate;
import dev.proofline.check.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One problem of a dataset: the formal statement (with its imports and trusted preamble), the same
 * problem in Markdown, a reference proof, and whether the statement is meant to be provable or is a false
 * control that the reference proof must fail on. {@code hash} is the SHA-256 of the normalised problem
 * (header, preamble and statement with the theorem's name left out and white space collapsed); two
 * records with the same hash are duplicates.
 */
@JsonPropertyOrder({"id", "family", "header", "preamble", "statement", "informal", "reference_proof", "expected",
        "difficulty", "params", "hash"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemRecord(String id, String family, List<String> header, String preamble, String statement,
                            String informal, @JsonProperty("reference_proof") String referenceProof,
                            Expected expected, int difficulty, Map<String, Object> params, String hash) {

    public enum Expected {
        provable, false_control
    }

    /** Where the generated statement puts the theorem's name before the id is known. */
    public static final String NAME_SLOT = "{name}";
    private static final Pattern NAME = Pattern.compile("^\\s*(theorem|lemma)\\s+[^\\s:({\\[]+");

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public ProblemRecord {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            // an id names the problem's file in the dataset: `../x` would write outside it
            throw new IllegalArgumentException("\"id\" " + id + " may hold only letters, digits, '_', '-' and '.', "
                    + "and may not start with '.'");
        }
        header = header == null || header.isEmpty() ? List.of("Init") : List.copyOf(header);
        preamble = preamble == null ? "" : preamble;
        expected = expected == null ? Expected.provable : expected;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        // validates the statement's shape, with the same rules as proofline check
        toProblem(id, header, preamble, statement, informal, family);
    }

    /**
     * A generated record: {@code statement} names its theorem {@value #NAME_SLOT}, which becomes the id,
     * {@code <family>_<first 12 hex digits of the hash>} with {@code -} read as {@code _}.
     */
    public static ProblemRecord generated(String family, List<String> header, String preamble, String statement,
                                          String informal, String referenceProof, Expected expected, int difficulty,
                                          Map<String, Object> params) {
        String hash = hash(header, preamble, statement.replace(NAME_SLOT, "_"));
        String id = family.replace('-', '_') + "_" + hash.substring(0, 12);
        return new ProblemRecord(id, family, header, preamble, statement.replace(NAME_SLOT, id), informal,
                referenceProof, expected, difficulty, params, hash);
    }

    /** SHA-256 of header, preamble and statement with the theorem's name removed and white space collapsed. */
    public static String hash(List<String> header, String preamble, String statement) {
        String anonymous = NAME.matcher(statement).replaceFirst("$1 _");
        return sha256(String.join(" ", header) + "\n" + collapse(preamble) + "\n" + collapse(anonymous));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String collapse(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    /** The problem as {@code proofline check} sees it. */
    public Problem toProblem() {
        return toProblem(id, header, preamble, statement, informal, family);
    }

    private static Problem toProblem(String id, List<String> header, String preamble, String statement,
                                     String informal, String family) {
        return new Problem(id, header, preamble, statement, informal, family == null ? List.of() : List.of(family));
    }

    /** The reference proof as a candidate; for a false control it is the attempt that must fail. */
    public Candidate referenceCandidate() {
        return new Candidate(id, "reference", referenceProof, null);
    }

    /** A Lean file a person can open: imports, preamble, and the statement with its reference proof. */
    public String leanFile() {
        StringBuilder b = new StringBuilder();
        header.forEach(m -> b.append("import ").append(m).append('\n'));
        b.append("\n/-\n").append(informal == null ? "" : informal.strip().replace("-/", "- /")).append("\n-/\n\n");
        if (!preamble.isBlank()) {
            b.append(preamble.strip()).append("\n\n");
        }
        if (expected == Expected.false_control) {
            b.append("-- A false control: the statement is false, and the proof below must fail.\n");
        }
        b.append(statement.strip()).append(" :=\n");
        b.append(referenceProof == null ? "  sorry" : referenceProof.strip()).append('\n');
        return b.toString();
    }
}
