package dev.proofline.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a model (or anyone) submits for a task and Proofline does not trust: a directory with
 * {@code candidate.lean}, which defines {@code kernel : Kernel} and proves {@code correct : Verified kernel pre spec}
 * against the task's {@code pre} and {@code spec} in namespace {@code namespace}, and {@code candidate.json}
 * ({@code {"namespace", "claim"?}}). {@code "claim": "VerifiedReassoc"} says {@code correct} proves the weaker claim
 * of a kernel that reassociates sums (only for a task that allows it; see {@link Claim}).
 */
public record KernelCandidate(String name, Path lean, String namespace, Claim claim) {

    /**
     * The claim a candidate proves, a definition of the trusted {@code Kernel.lean}: which one is the candidate's
     * to say, whether the task accepts it the task's ({@link KernelTask#reassociation()}).
     */
    public enum Claim {
        /** For every scalar type, operations uninterpreted: the spec's operations in the spec's order, bit for bit. */
        VERIFIED("Verified"),
        /**
         * For scalar types whose {@code add} is associative and commutative with {@code zero} as unit
         * ({@code AddCommMonoidLaws}): exact for wrapping int32; for floats nothing is proved and outputs are checked
         * by tolerance.
         */
        VERIFIED_REASSOC("VerifiedReassoc");

        private final String lean;

        Claim(String lean) {
            this.lean = lean;
        }

        /** The claim's name in {@code Proofline.Kernel}. */
        public String lean() {
            return lean;
        }

        public boolean reassociates() {
            return this == VERIFIED_REASSOC;
        }

        static Claim of(String lean) {
            return Arrays.stream(values()).filter(c -> c.lean.equals(lean)).findFirst().orElse(null);
        }
    }

    public KernelCandidate(String name, Path lean, String namespace) {
        this(name, lean, namespace, Claim.VERIFIED);
    }

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
        Claim claim = c.has("claim") ? Claim.of(c.path("claim").asText("")) : Claim.VERIFIED;
        if (claim == null || c.has("claim") && !c.get("claim").isTextual()) {
            throw new IOException(json + ": \"claim\" must be one of " + Arrays.stream(Claim.values())
                    .map(k -> "\"" + k.lean() + "\"").collect(Collectors.joining(", ")) + ", got " + c.path("claim"));
        }
        return new KernelCandidate(dir.toAbsolutePath().normalize().getFileName().toString(), lean, ns, claim);
    }

    public String source() throws IOException {
        return Files.readString(lean);
    }
}
