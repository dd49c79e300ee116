package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** A family of generated problems. */
public interface Generator {
    List<String> FAMILIES = List.of("busy-beaver", "mba", "mutate");

    /** The family's name, e.g. {@code busy-beaver}; also the records' {@code family}. */
    String family();

    /** Changes whenever the same seed would give different problems. */
    int version();

    /** The problems of one draw of the dice (none when the draw gave nothing usable). */
    List<ProblemRecord> draw(Random rnd);

    /** An endless stream of problems, not yet checked by Lean; the same seed gives the same stream. */
    default Iterator<ProblemRecord> problems(long seed) {
        Random rnd = new Random(seed);
        Deque<ProblemRecord> queue = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ProblemRecord next() {
                while (queue.isEmpty()) {
                    queue.addAll(draw(rnd));
                }
                return queue.poll();
            }
        };
    }

    static Generator named(String family) {
        return switch (family) {
            case "busy-beaver" -> new BusyBeaver();
            case "mba" -> new Mba();
            case "mutate" -> new Mutate();
            default -> throw new IllegalArgumentException("unknown family '" + family
                    + "': expected one of " + String.join(", ", FAMILIES));
        };
    }
}
