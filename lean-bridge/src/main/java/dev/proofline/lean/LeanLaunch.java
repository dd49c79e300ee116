package dev.proofline.lean;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A command line that starts the REPL, with the environment and working directory it needs. */
public record LeanLaunch(List<String> command, Map<String, String> environment, Path workingDir) {
    public LeanLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
