package dev.proofline.cli;

import dev.proofline.repl.CommunityRepl;
import dev.proofline.repl.ReplLoop;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proofline repl}: the protocol of leanprover-community/repl on stdin and stdout, on any runtime.
 * Standard output carries replies only; Proofline's progress (installing Lean on first use) goes to stderr.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"A Lean REPL speaking the JSON protocol of leanprover-community/repl on stdin/stdout: "
                + "commands (cmd, env), files (path), tactic mode (tactic, proofState), pickles, and beyond "
                + "upstream a time limit per request (\"timeout\", ms), dropping (\"dropEnvs\", \"dropProofStates\") "
                + "and \"verify\": true, Proofline's judgement of each theorem a command declares.",
                "Exit codes: 0 when the input ended, 2 on a usage error; a Lean that cannot start is an error reply."})
final class ReplCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--timeout", defaultValue = "5m", converter = Durations.class,
            description = "Time limit of a request that gives no \"timeout\"; Lean is then restarted and what was made "
                    + "before stays usable. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--memory-cap", defaultValue = "6g", converter = RuntimeOptions.MemoryConverter.class,
            description = "Resident memory at which a Lean process is killed, like a timeout. Default: ${DEFAULT-VALUE}.")
    long memoryCap;

    @Option(names = "--allow-axiom", description = "Axioms a verified proof may use (default: propext, Classical.choice, "
            + "Quot.sound), as for check.")
    java.util.List<String> allowedAxioms;

    @Override
    public Integer call() throws Exception {
        try (CommunityRepl repl = CommunityRepl.builder().runtime(runtime.runtime()).timeout(timeout)
                .memoryCap(memoryCap).allowedAxioms(allowedAxioms == null ? dev.proofline.check.ProofChecker.STANDARD_AXIOMS
                        : java.util.Set.copyOf(allowedAxioms)).build()) {
            ReplLoop.run(repl, System.in, System.out);
        }
        return 0;
    }
}
