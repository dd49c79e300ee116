package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker/lean (native Lean) is built only where GitHub is reachable, so this reads it instead: every file
 * it copies exists in the repository, and its entry point is run-repl with what run-repl and compile-repl
 * need (the lean command in PROOFLINE_LEAN, the REPL's Main.lean and modules under /opt/proofline/repl,
 * that directory on LEAN_PATH, Init as the default header).
 */
class LeanDockerfileTest {
    static final Path ROOT = Path.of("..");
    static final Pattern COPY = Pattern.compile("(?m)^COPY ((?:\\S+ )+)(\\S+)$");

    @Test
    void itCopiesFilesThatExistAndStartsRunReplAsRunReplExpects() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/lean/Dockerfile"));
        Map<String, String> copied = new LinkedHashMap<>(); // source → destination
        Matcher m = COPY.matcher(dockerfile);
        while (m.find()) {
            for (String source : m.group(1).strip().split(" ")) {
                assertTrue(Files.exists(ROOT.resolve(source)), "docker/lean/Dockerfile copies " + source + ", which is missing");
                copied.put(source, m.group(2));
            }
        }
        assertEquals(Map.of("lean/lean-toolchain", "/opt/proofline/lean-toolchain", "lean/repl/", "/opt/proofline/repl/",
                "docker/run-repl", "/opt/proofline/bin/", "docker/compile-repl", "/opt/proofline/bin/"), copied);

        // run-repl runs $PROOFLINE_LEAN on this file; compile-repl compiles the modules listed beside it
        String runRepl = Files.readString(ROOT.resolve("docker/run-repl"));
        assertTrue(runRepl.contains("--run /opt/proofline/repl/Main.lean"), runRepl);
        assertTrue(Files.exists(ROOT.resolve("lean/repl/Main.lean")) && Files.exists(ROOT.resolve("lean/repl/modules")));
        assertTrue(dockerfile.contains("ENV PROOFLINE_LEAN=/opt/proofline/lean LEAN_PATH=/opt/proofline/repl\n"), dockerfile);
        assertTrue(dockerfile.contains("ln -s \"$(elan which lean)\" /opt/proofline/lean"), dockerfile);
        assertTrue(dockerfile.contains("RUN /opt/proofline/bin/compile-repl /opt/proofline/repl\n"), dockerfile);
        for (String script : List.of("docker/run-repl", "docker/compile-repl")) {
            assertTrue(Files.isExecutable(ROOT.resolve(script)), script + " is not executable");
        }

        // the same entry point and default header as the lean-wasm image, which ContainerRuntime starts
        List<String> tail = dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT") || l.startsWith("CMD"))
                .collect(Collectors.toList());
        assertEquals(List.of("ENTRYPOINT [\"/opt/proofline/bin/run-repl\"]", "CMD [\"Init\"]"), tail);
        String wasm = Files.readString(ROOT.resolve("docker/lean-wasm/Dockerfile"));
        assertTrue(wasm.contains(String.join("\n", tail)), wasm);
    }
}
