package dev.proofline.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel language ({@code Kernel.lean}) and the shipped tasks: the directories beside it, each with its
 * reference kernel as a candidate ({@code reference/}) and, for the S score, a slower proved one ({@code baseline/}).
 */
public record KernelCatalog(Path root) {

    /** {@code lean/kernels} of the checkout that contains the working directory. */
    public static KernelCatalog find() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path root = p.resolve("lean/kernels");
            if (Files.isRegularFile(root.resolve("Kernel.lean"))) {
                return new KernelCatalog(root);
            }
        }
        throw new IOException("no lean/kernels/Kernel.lean above " + Path.of("").toAbsolutePath());
    }

    public Path language() {
        return root.resolve("Kernel.lean");
    }

    public List<KernelTask> tasks() throws IOException {
        List<KernelTask> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                out.add(KernelTask.load(d));
            }
        }
        return out;
    }

    public List<String> taskNames() throws IOException {
        return tasks().stream().map(KernelTask::name).toList();
    }

    /** A shipped task's name, or a task directory. */
    public KernelTask task(String nameOrDir) throws IOException {
        return KernelTask.load(dir(nameOrDir, "task"));
    }

    /** A candidate directory, or {@code <task>/reference} of a shipped task. */
    public KernelCandidate candidate(String dirOrTask) throws IOException {
        Path dir = Path.of(dirOrTask);
        return KernelCandidate.load(Files.isDirectory(dir) ? dir : dir(dirOrTask, "task").resolve("reference"));
    }

    /** The task's shipped baseline, if it has one. */
    public Optional<KernelCandidate> baseline(KernelTask task) throws IOException {
        Path dir = task.lean().getParent().resolve("baseline");
        return Files.isDirectory(dir) ? Optional.of(KernelCandidate.load(dir)) : Optional.empty();
    }

    private Path dir(String nameOrDir, String what) throws IOException {
        Path dir = Path.of(nameOrDir);
        if (!Files.isDirectory(dir)) {
            dir = root.resolve(nameOrDir);
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("no " + what + " named '" + nameOrDir + "' and no such directory");
        }
        return dir;
    }
}
