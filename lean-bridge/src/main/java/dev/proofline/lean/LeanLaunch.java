package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A command line that starts the REPL, with the environment and working directory it needs. */
public record LeanLaunch(List<String> command, Map<String, String> environment, Path workingDir) {
    public LeanLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Runs the command to its end and returns its output, whatever its exit value. */
    public String runToEnd(Duration limit) throws IOException {
        return ExternalCommand.run(command, environment, workingDir, limit, false);
    }
}
