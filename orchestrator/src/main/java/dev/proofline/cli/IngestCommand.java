package dev.proofline.cli;

import dev.proofline.dataset.Dataset;
import dev.proofline.dataset.Ingest;
import dev.proofline.dataset.Manifest;
import dev.proofline.dataset.RecordReader;
import dev.proofline.lean.ProoflineCache;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code proofline ingest SOURCE --out DIR}: someone's problem set as a dataset of ours. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read problems from a JSONL file, a directory, or a git repository at a ref (cloned with JGit "
                + "into the cache), normalise them into problem records, and write a dataset directory. Records "
                + "that cannot be used are listed with the reason; the rest are kept.")
final class IngestCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "A .jsonl file, a directory, or with --ref a git URL or repository path.")
    String source;

    @Option(names = "--ref", description = "Git tag, branch or commit to read; makes SOURCE a git repository.")
    String ref;

    @Option(names = "--path", description = "Inside the git repository, the file or folder to read (default: all of it).")
    String path;

    @Option(names = "--out", required = true, description = "Dataset directory to write.")
    Path out;

    @Option(names = "--name", description = "The dataset's name (default: the last part of SOURCE or --path).")
    String name;

    @Option(names = "--dataset-version", defaultValue = "1", description = "The dataset's version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--cache-dir", description = "Where git sources are cloned (default: $PROOFLINE_CACHE/git, "
            + "else ~/.cache/proofline/git).")
    Path cacheDir;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("ingested", source);
        Path from;
        try {
            if (ref != null) {
                Ingest.Checkout c = Ingest.checkout(source, ref, cacheDir != null ? cacheDir : ProoflineCache.defaultDir().resolve("git"));
                from = path == null ? c.workTree() : c.workTree().resolve(path);
                provenance.put("ref", ref);
                provenance.put("commit", c.commit());
            } else {
                from = Path.of(source);
            }
            if (path != null) {
                provenance.put("path", path);
            }
            RecordReader read = Ingest.read(from);
            read.rejected().forEach(r -> System.err.println("skipped " + r));
            String dataset = name != null ? name : Path.of(path != null ? path : source).getFileName().toString()
                    .replaceFirst("\\.(jsonl|git)$", "");
            Manifest m = new Dataset(dataset, version, provenance, null, read.records()).write(out);
            System.out.printf("%s: %d problems written to %s, %d records skipped%n", dataset, m.problems(), out,
                    read.rejected().size());
            return m.problems() > 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("proofline ingest: " + e.getMessage());
            return 2;
        }
    }
}
