package dev.proofline.generate;

import dev.proofline.dataset.Dataset;
import dev.proofline.dataset.ProblemRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Draws problems from a generator and keeps the first {@code count} that Lean validates, in the
 * generator's order, without duplicates. Validation goes in batches (so several Lean workers stay busy),
 * but what is kept does not depend on the batch size: the same seed gives the same dataset.
 */
public final class Generation {
    /** Gives up when this many problems per wanted one have been drawn. */
    private static final int MAX_DRAWS_PER_PROBLEM = 20;

    private final Generator generator;
    private final Validator validator;
    private final int batch;

    public Generation(Generator generator, Validator validator, int batch) {
        this.generator = generator;
        this.validator = validator;
        this.batch = batch;
    }

    /** Generates and validates; {@code onOutcome} hears every validation, kept or not. */
    public Dataset run(int count, long seed, String version, Consumer<Validator.Outcome> onOutcome) {
        Iterator<ProblemRecord> draws = generator.problems(seed);
        Set<String> seen = new HashSet<>();
        List<ProblemRecord> kept = new ArrayList<>();
        int drawn = 0;
        while (kept.size() < count) {
            if (drawn >= MAX_DRAWS_PER_PROBLEM * count) {
                throw new IllegalStateException(generator.family() + ": only " + kept.size() + " of " + count
                        + " problems passed validation after " + drawn + " draws");
            }
            List<ProblemRecord> next = new ArrayList<>();
            while (next.size() < Math.max(batch, count - kept.size()) && drawn < MAX_DRAWS_PER_PROBLEM * count) {
                ProblemRecord p = draws.next();
                drawn++;
                if (seen.add(p.hash())) {
                    next.add(p);
                }
            }
            for (Validator.Outcome o : validator.validate(next)) {
                onOutcome.accept(o);
                if (o.kept() && kept.size() < count) {
                    kept.add(o.problem());
                }
            }
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("generator", "proofline generate");
        source.put("family", generator.family());
        source.put("generator_version", generator.version());
        return new Dataset(generator.family(), version, source, seed, kept);
    }
}
