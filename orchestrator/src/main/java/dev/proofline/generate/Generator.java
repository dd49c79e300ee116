package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** A family of generated problems. */
public interface Generator {
    List<String> FAMILIES = List.of("busy-beaver", "mba", "mutate");

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

    /** The problems of {@code draw}, one call after another; a call may give none. */
    static Iterator<ProblemRecord> draining(Supplier<List<ProblemRecord>> draw) {
        Deque<ProblemRecord> queue = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ProblemRecord next() {
                while (queue.isEmpty()) {
                    queue.addAll(draw.get());
                }
                return queue.poll();
            }
        };
    }
}
