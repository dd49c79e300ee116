package dev.proofline.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Reads problem sets from elsewhere into {@link ProblemRecord}s: a JSONL file, a directory (a dataset's
 * {@code problems.jsonl}; else a {@link Verina} or {@link HumanEvalLean} layout; else every {@code .jsonl}
 * file below it), or a git repository at a pinned ref,
 * cloned with JGit into a cache and checked out there. Unusable records are listed, never fatal.
 */
public final class Ingest {

    /** A git repository checked out at a ref: where its work tree is and which commit the ref named. */
    public record Checkout(Path workTree, String commit) {}

    private Ingest() {}

    /** Reads a JSONL file or a directory; the family of records that name none is the file's or folder's name. */
    public static RecordReader read(Path source) throws IOException {
        RecordReader reader = new RecordReader();
        if (Files.isRegularFile(source)) {
            return reader.read(source, source.getFileName().toString(), stem(source));
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no such file or directory: " + source);
        }
        String family = source.toAbsolutePath().normalize().getFileName().toString();
        if (Files.isRegularFile(source.resolve(Dataset.PROBLEMS))) {
            return reader.read(source.resolve(Dataset.PROBLEMS), Dataset.PROBLEMS, family);
        }
        // two public benchmarks' own layouts, recognised by their files
        List<Path> verina = Verina.tasks(source);
        if (!verina.isEmpty()) {
            Verina.read(source, verina, reader);
            return reader;
        }
        List<Path> humanEval = HumanEvalLean.tasks(source);
        if (!humanEval.isEmpty()) {
            HumanEvalLean.read(source, humanEval, reader);
            return reader;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".jsonl"))
                    .filter(p -> !source.relativize(p).toString().startsWith(".git")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(source + " has no .jsonl files");
        }
        for (Path f : files) {
            reader.read(f, source.relativize(f).toString(), stem(f));
        }
        return reader;
    }

    /**
     * Clones {@code uri} (a URL or a local path) into {@code cache}, or fetches into the clone already
     * there, and checks out {@code ref}: a tag, a branch or a commit id.
     */
    public static Checkout checkout(String uri, String ref, Path cache) throws IOException, GitAPIException {
        Path dir = cache.resolve(ProblemRecord.sha256(uri).substring(0, 16));
        Git git;
        if (Files.isDirectory(dir.resolve(".git"))) {
            git = Git.open(dir.toFile());
            git.fetch().setTagOpt(TagOpt.FETCH_TAGS).call();
        } else {
            Files.createDirectories(cache);
            git = Git.cloneRepository().setURI(uri).setDirectory(dir.toFile()).call();
        }
        try (git) {
            ObjectId commit = resolve(git.getRepository(), ref);
            if (commit == null) {
                throw new IllegalArgumentException("ref " + ref + " is not a tag, branch or commit of " + uri);
            }
            git.checkout().setName(commit.name()).setForced(true).call();
            return new Checkout(dir, commit.name());
        }
    }

    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        List<String> names = new ArrayList<>(List.of("refs/tags/" + ref, "refs/remotes/origin/" + ref, ref));
        for (String name : names) {
            try {
                ObjectId id = repo.resolve(name + "^{commit}");
                if (id != null) {
                    return id;
                }
            } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
                // not this kind of name; try the next
            }
        }
        return null;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
