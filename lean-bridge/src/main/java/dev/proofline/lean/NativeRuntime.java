package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A natively installed {@code lean} (e.g. from elan); it finds its own library. */
public final class NativeRuntime implements LeanRuntime {
    private final Path lean;

    public NativeRuntime(Path lean) {
        this.lean = lean;
    }

    @Override
    public LeanLaunch launch(Path replProgram, List<String> header, Path scratchDir) {
        List<String> args = new ArrayList<>(List.of("--run", replProgram.toString()));
        args.addAll(header);
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(lean.toString()), args), Map.of(), scratchDir);
    }

    @Override
    public LeanLaunch launchFile(Path leanFile, Path scratchDir) {
        return new LeanLaunch(LeanRuntime.leanCommand(List.of(lean.toString()), List.of(leanFile.toString())),
                Map.of(), scratchDir);
    }

    @Override
    public RuntimeInfo describe() throws IOException {
        String out = ExternalCommand.run(List.of(lean.toString(), "--version"), Map.of(), Path.of("."),
                Duration.ofMinutes(1));
        return new RuntimeInfo("native", EmbeddedRuntime.leanVersionLine(out), "the lean command " + lean);
    }
}
