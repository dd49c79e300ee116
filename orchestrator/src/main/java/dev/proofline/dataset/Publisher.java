package dev.proofline.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Commits a dataset directory into a git repository and tags the commit {@code <name>/v<version>}, so a
 * benchmark is pinned by tag or commit id. Publishing the same content again changes nothing; a tag is
 * never moved to other content.
 */
public final class Publisher {

    /** The commit that holds the dataset, its tag, and whether this call made them. */
    public record Published(String commit, String tag, boolean created) {}

    private Publisher() {}

    public static String tagOf(Manifest m) {
        return m.name() + "/v" + m.version();
    }

    /**
     * Publishes {@code dataset} into {@code repo} (created if it is not a repository yet), under
     * {@code subdir} of the work tree.
     */
    public static Published publish(Path dataset, Path repo, String subdir) throws IOException, GitAPIException {
        List<String> bad = Dataset.verify(dataset);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(dataset + " does not match its manifest: " + String.join("; ", bad));
        }
        Manifest manifest = Dataset.manifest(dataset);
        String tag = tagOf(manifest);
        try (Git git = Files.isDirectory(repo.resolve(".git")) ? Git.open(repo.toFile())
                : Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Path target = repo.resolve(subdir).normalize();
            if (!target.startsWith(repo.normalize()) || target.equals(repo.normalize())) {
                throw new IllegalArgumentException("--path must be a folder inside the repository, not " + subdir);
            }
            replace(dataset, target, manifest.files().keySet());
            git.add().addFilepattern(subdir).call();
            git.add().addFilepattern(subdir).setUpdate(true).call();
            Ref existing = git.getRepository().exactRef(Constants.R_TAGS + tag);
            boolean changed = !git.status().addPath(subdir).call().isClean();
            if (existing != null) {
                ObjectId at = git.getRepository().getRefDatabase().peel(existing).getPeeledObjectId();
                String commit = (at != null ? at : existing.getObjectId()).name();
                ObjectId head = git.getRepository().resolve(Constants.HEAD);
                if (changed || head == null || !head.name().equals(commit)) {
                    throw new IllegalArgumentException("tag " + tag + " already names commit " + commit
                            + " with other content; publish under a new --version");
                }
                return new Published(commit, tag, false);
            }
            RevCommit commit = git.commit().setSign(false).setAllowEmpty(false)
                    .setMessage("Dataset " + manifest.name() + " version " + manifest.version() + ": "
                            + manifest.problems() + " problems" + (manifest.seed() == null ? "" : ", seed " + manifest.seed()))
                    .call();
            git.tag().setName(tag).setObjectId(commit).setAnnotated(true).setSigned(false)
                    .setMessage(manifest.name() + " " + manifest.version()).call();
            return new Published(commit.name(), tag, true);
        }
    }

    /** Makes {@code target} hold exactly the manifest's files and the manifest. */
    private static void replace(Path dataset, Path target, java.util.Set<String> files) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String f : Stream.concat(files.stream(), Stream.of(Dataset.MANIFEST)).toList()) {
            Path to = target.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(dataset.resolve(f), to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
