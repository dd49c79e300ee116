package dev.proofline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code proofline}: check proofs, build problem sets, verify kernel claims. */
@Command(name = "proofline", mixinStandardHelpOptions = true, version = "proofline 0.1.0",
        description = "Lean-backed verification: batch proof checking, problem sets, kernel claims.",
        subcommands = {CheckCommand.class, GenerateCommand.class, PublishCommand.class, IngestCommand.class,
                KernelCommand.class, DoctorCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
