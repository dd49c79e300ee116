package dev.proofline.check;

/**
 * A proposed proof of a problem: either {@code proof}, the text after {@code :=} (a term or
 * {@code by …}), or {@code code}, a whole Lean snippet that must declare the problem's theorem.
 */
public record Candidate(String problem, String id, String proof, String code) implements java.io.Serializable {
    /** Largest proof text accepted; beyond it the candidate is {@code invalid}, not sent to Lean. */
    public static final int MAX_CHARS = 100_000;

    public Candidate {
        if (problem == null || problem.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a \"problem\" id");
        }
        boolean hasProof = proof != null && !proof.isBlank();
        boolean hasCode = code != null && !code.isBlank();
        if (hasProof == hasCode) {
            throw new IllegalArgumentException("a candidate needs exactly one non-empty \"proof\" or \"code\"");
        }
        int size = hasProof ? proof.length() : code.length();
        if (size > MAX_CHARS) {
            throw new IllegalArgumentException("the candidate is " + size + " characters, over the limit of " + MAX_CHARS);
        }
    }

    /** The Lean source this candidate submits for {@code problem}: its code, or the statement with its proof. */
    public String submission(Problem problem) {
        return proof != null ? problem.statement().strip() + " :=\n" + proof : code;
    }
}
