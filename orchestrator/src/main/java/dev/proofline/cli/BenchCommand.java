package dev.proofline.cli;

import picocli.CommandLine.Command;

/** {@code proofline bench …}: benchmarks that print numbers. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print measured numbers.",
        subcommands = {BenchBridgeCommand.class, BenchCheckCommand.class, BenchGenerateCommand.class})
final class BenchCommand {}
