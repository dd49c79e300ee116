package dev.proofline.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The kernel language ({@code Kernel.lean}) and the shipped kernels: the directories beside it. */
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

    public List<KernelSource> shipped() throws IOException {
        List<KernelSource> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                out.add(KernelSource.load(d));
            }
        }
        return out;
    }

    public List<String> shippedNames() throws IOException {
        return shipped().stream().map(KernelSource::name).toList();
    }

    /** A shipped kernel's name, or a kernel directory. */
    public KernelSource resolve(String nameOrDir) throws IOException {
        Path dir = Path.of(nameOrDir);
        if (!Files.isDirectory(dir)) {
            dir = root.resolve(nameOrDir);
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("no kernel named '" + nameOrDir + "' and no such directory");
        }
        return KernelSource.load(dir);
    }
}
