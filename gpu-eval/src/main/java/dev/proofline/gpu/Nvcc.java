package dev.proofline.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
                    return Optional.of(new Nvcc(p, versionOf(run(List.of(p.toString(), "--version"), LIMIT).output())));
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
        Proc p = run(cmd, LIMIT);
        return new Compiled(p.exit() == 0 && Files.exists(ptx), ptx, String.join(" ", cmd), p.output());
    }

    /** How long one nvcc run may take; a kernel compiles in seconds. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    /** {@code Cuda compilation tools, release 13.0, V13.0.48}: the line that names the release, else the last one. */
    static String versionOf(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.startsWith("Cuda compilation tools")).findFirst()
                .orElse(lines.isEmpty() ? "unknown version" : lines.get(lines.size() - 1));
    }

    record Proc(int exit, String output) {}

    /** Runs {@code cmd}, its output read beside it, so that the time limit holds even while it prints. */
    static Proc run(List<String> cmd, Duration limit) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return ""; // the process was killed
            }
        });
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish in " + limit.toSeconds() + " s: " + String.join(" ", cmd));
            }
            return new Proc(p.exitValue(), out.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + cmd, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not read the output of " + cmd + ": " + e, e);
        }
    }
}
