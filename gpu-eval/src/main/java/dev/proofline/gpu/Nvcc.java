package dev.proofline.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Compiles emitted CUDA to PTX with {@code nvcc}. {@code -fmad=false}: no multiply-add contraction,
 * so each operation rounds as the IR (and the proof) says; PTX for {@code compute_80} runs on every
 * GPU from Ampere on (the driver compiles it for the device).
 */
public record Nvcc(Path executable, String version) {
    public static final List<String> FLAGS = List.of("-ptx", "-O3", "-fmad=false", "-arch=compute_80");

    /** The PTX file, the command that made it, and nvcc's messages. */
    public record Compiled(boolean ok, Path ptx, String command, String messages) {}

    /** {@code nvcc} on PATH, else under /usr/local/cuda*&#47;bin; empty when there is none. */
    public static Optional<Nvcc> find() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "nvcc"));
            }
        }
        candidates.add(Path.of("/usr/local/cuda/bin/nvcc"));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                try {
                    String out = run(List.of(p.toString(), "--version")).output();
                    String[] lines = out.strip().split("\n");
                    return Optional.of(new Nvcc(p, lines[lines.length - 2].strip()));
                } catch (IOException e) {
                    // not runnable: try the next one
                }
            }
        }
        return Optional.empty();
    }

    public Compiled compile(Path source) throws IOException {
        Path ptx = source.resolveSibling(source.getFileName().toString().replaceFirst("\\.cu$", "") + ".ptx");
        List<String> cmd = new ArrayList<>(List.of(executable.toString()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-o", ptx.toString(), source.toString()));
        Proc p = run(cmd);
        return new Compiled(p.exit() == 0 && Files.exists(ptx), ptx, String.join(" ", cmd), p.output());
    }

    private record Proc(int exit, String output) {}

    private static Proc run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nvcc did not finish in 120 s: " + cmd);
            }
            return new Proc(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + cmd, e);
        }
    }
}
