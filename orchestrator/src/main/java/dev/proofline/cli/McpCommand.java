package dev.proofline.cli;

import dev.proofline.mcp.ProoflineMcp;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proofline mcp}: Proofline's Lean and judge as an MCP server on stdin and stdout. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"An MCP server on stdin/stdout with the tools lean_command, lean_tactic (the REPL's command and "
                + "tactic mode) and check_proof (a candidate against a statement, with check's verdict).",
                "Exit codes: 0 when the client closed the connection, 2 on a usage error."})
final class McpCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--timeout", defaultValue = "5m", converter = Durations.class,
            description = "Time limit of one tool call that gives none. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        try (ProoflineMcp server = new ProoflineMcp(runtime.runtime(), timeout)) {
            server.serve(System.in, System.out);
        }
        return 0;
    }
}
