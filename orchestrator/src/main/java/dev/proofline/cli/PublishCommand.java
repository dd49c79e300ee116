package dev.proofline.cli;

import dev.proofline.dataset.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code proofline publish DIR --repo PATH}: a dataset committed and tagged in git. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Commit a dataset directory into a git repository (created if needed) and tag the commit "
                + "<name>/v<version> from its manifest. Publishing the same content again changes nothing.")
final class PublishCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Dataset directory (with manifest.json).")
    Path dataset;

    @Option(names = "--repo", required = true, description = "Git repository (a work tree) to publish into.")
    Path repo;

    @Option(names = "--path", description = "Folder inside the repository (default: problems/<name>).")
    String path;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dataset.resolve("manifest.json"))) {
            System.err.println("proofline publish: " + dataset + " is not a dataset directory (no manifest.json)");
            return 2;
        }
        String subdir = path != null ? path : "problems/" + dev.proofline.dataset.Dataset.manifest(dataset).name();
        try {
            Publisher.Published p = Publisher.publish(dataset, repo, subdir);
            System.out.println((p.created() ? "published " : "already published ") + dataset + " as " + p.tag()
                    + " at commit " + p.commit() + " in " + repo + " (" + subdir + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("proofline publish: " + e.getMessage());
            return 1;
        }
    }
}
