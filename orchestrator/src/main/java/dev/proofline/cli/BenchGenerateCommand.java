package dev.proofline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofline.check.ProofChecker;
import dev.proofline.generate.Generation;
import dev.proofline.generate.Generator;
import dev.proofline.generate.Validator;
import dev.proofline.lean.LeanPool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline bench generate}: validated problems per minute for each family, generation and Lean
 * validation together, after Lean has started. The last line is JSON.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Measure problem generation with Lean validation: validated problems per minute per family.")
final class BenchGenerateCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "40", description = "Problems to keep per family (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--family", description = "Families to measure (default: all).")
    List<String> families;

    @Mixin
    LeanOptions lean;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        try (LeanPool pool = lean.open()) {
            Validator validator = new Validator(new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), pool.workers());
            json.put("workers", pool.workers());
            // untimed: a fresh Lean runs its first ~150 requests slower while V8 optimises the wasm code
            new Generation(Generator.named("mutate"), validator, 4 * pool.workers()).run(20, seed + 1, "warm-up", o -> {});
            for (String family : families == null ? Generator.FAMILIES : families) {
                AtomicInteger validated = new AtomicInteger();
                long t0 = System.nanoTime();
                new Generation(Generator.named(family), validator, 4 * pool.workers()).run(count, seed, "bench",
                        o -> validated.incrementAndGet());
                double minutes = (System.nanoTime() - t0) / 60e9;
                double perMinute = count / minutes;
                System.out.printf("%s: %.1f validated problems/min (%d kept of %d checked in %.1f s, %d workers)%n",
                        family, perMinute, count, validated.get(), minutes * 60, pool.workers());
                json.put(family.replace('-', '_') + "_per_min", Math.round(perMinute * 10) / 10.0);
            }
        }
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }
}
