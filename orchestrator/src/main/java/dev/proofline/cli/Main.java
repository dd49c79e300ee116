package dev.proofline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code proofline}: check proofs, build problem sets, verify kernel claims. */
@Command(name = "proofline", mixinStandardHelpOptions = true, version = "proofline 0.1.0",
        description = "Lean-backed verification: batch proof checking, problem sets, kernel claims.",
        subcommands = {CheckCommand.class, GenerateCommand.class, PublishCommand.class, IngestCommand.class,
                KernelCommand.class, ReplCommand.class, McpCommand.class, ServeCommand.class, DoctorCommand.class, LibCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).setExecutionExceptionHandler(Main::report).execute(args));
    }

    /**
     * A failed read, write, install or start (no Lean, no Docker engine, a file that cannot be read) is
     * the user's to fix: one line naming the command. Anything else is a bug and keeps its stack trace.
     */
    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        Throwable io = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (!(io instanceof IOException)) {
            throw e;
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + io.getMessage());
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }
}
