package dev.proofline.cli;

import dev.proofline.check.ProofChecker;
import dev.proofline.dataset.Dataset;
import dev.proofline.dataset.Manifest;
import dev.proofline.generate.Generation;
import dev.proofline.generate.Generator;
import dev.proofline.generate.Validator;
import dev.proofline.lean.LeanPool;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code proofline generate FAMILY}: a validated dataset of generated problems. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate problems of a family, keep those Lean validates, and write a dataset directory "
                + "(problems.jsonl, manifest.json, README.md, lean/<id>.lean). The same seed gives the same files.")
final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Family: busy-beaver, mba or mutate.")
    String family;

    @Option(names = "--count", defaultValue = "100", description = "Problems to keep (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Dataset directory to write (its files are replaced).")
    Path out;

    @Option(names = "--dataset-version", defaultValue = "1", description = "The dataset's version; publish tags it (default: ${DEFAULT-VALUE}).")
    String version;

    @Mixin
    LeanOptions lean;

    @Override
    public Integer call() throws Exception {
        Generator generator;
        try {
            generator = Generator.named(family);
        } catch (IllegalArgumentException e) {
            System.err.println("proofline generate: " + e.getMessage());
            return 2;
        }
        System.err.println("Starting Lean…");
        try (LeanPool pool = lean.open()) {
            AtomicInteger kept = new AtomicInteger();
            AtomicInteger dropped = new AtomicInteger();
            Validator validator = new Validator(new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS), pool.workers());
            Dataset dataset = new Generation(generator, validator, 4 * pool.workers()).run(count, seed, version, o -> {
                if (o.kept()) {
                    kept.incrementAndGet();
                } else {
                    dropped.incrementAndGet();
                    System.err.println("dropped " + o.problem().id() + ": " + o.reason());
                }
            });
            Manifest manifest = dataset.write(out);
            System.out.printf("%s: %d problems written to %s (%d validated, %d dropped by Lean)%n", family,
                    manifest.problems(), out, kept.get(), dropped.get());
            manifest.counts().forEach((f, c) -> System.out.println("  by difficulty " + c.byDifficulty()
                    + ", by expected " + c.byExpected()));
        }
        return 0;
    }
}
