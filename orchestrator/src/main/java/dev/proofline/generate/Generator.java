package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import java.util.Iterator;

/** A family of generated problems. */
public interface Generator {
    /** The family's name, e.g. {@code busy-beaver}; also the records' {@code family}. */
    String family();

    /** Changes whenever the same seed would give different problems. */
    int version();

    /** An endless stream of problems, not yet checked by Lean; the same seed gives the same stream. */
    Iterator<ProblemRecord> problems(long seed);

    static Generator named(String family) {
        return switch (family) {
            case "busy-beaver" -> new BusyBeaver();
            case "mba" -> new Mba();
            case "mutate" -> new Mutate();
            default -> throw new IllegalArgumentException("unknown family '" + family
                    + "': expected one of " + String.join(", ", FAMILIES));
        };
    }

    java.util.List<String> FAMILIES = java.util.List.of("busy-beaver", "mba", "mutate");
}
