package dev.proofline.lean;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs a short external command to completion (npm, tar, {@code lean --version}) and returns its output. */
final class ExternalCommand {
    private ExternalCommand() {}

    /** Runs the command; a non-zero exit is an error. */
    static String run(List<String> command, Map<String, String> env, Path dir, Duration limit) throws IOException {
        return run(command, env, dir, limit, true);
    }

    /**
     * Runs the command and returns what it printed; with {@code mustSucceed} false, whatever its exit
     * value (the wasm {@code lean --version} exits 24 after printing its version).
     */
    static String run(List<String> command, Map<String, String> env, Path dir, Duration limit, boolean mustSucceed)
            throws IOException {
        CommandLine line = new CommandLine(command.get(0));
        command.subList(1, command.size()).forEach(arg -> line.addArgument(arg, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(dir.toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(out));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(limit).get());
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.putAll(env);
        try {
            executor.execute(line, environment);
        } catch (ExecuteException e) {
            if (!mustSucceed && !executor.getWatchdog().killedProcess()) {
                return out.toString(StandardCharsets.UTF_8);
            }
            String why = executor.getWatchdog().killedProcess() ? "timed out after " + limit.toSeconds() + " s"
                    : "exited with " + e.getExitValue();
            throw new IOException(String.join(" ", command) + " " + why + ":\n" + tail(out), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String tail(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }
}
