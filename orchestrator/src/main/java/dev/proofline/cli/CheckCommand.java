package dev.proofline.cli;

import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.ProblemSet;
import dev.proofline.batch.Summary;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.LeanPool;
import dev.proofline.report.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proofline check}: verdicts for a batch of candidate proofs. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check candidate proofs against their problems with Lean; one JSON verdict per candidate.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--problems", required = true, description = "Problems: JSONL {id, header?, preamble?, statement, "
            + "informal?, tags?, options?}; a dataset directory (its problems.jsonl); or a directory of .lean files with a "
            + "'-- proofline: statement' line.")
    Path problems;

    @Option(names = "--candidates", required = true,
            description = "Candidates, JSONL: {problem, id?, proof} (the text after :=) or {problem, id?, code} (a whole snippet).")
    Path candidates;

    @Option(names = "--report", description = "Also write a readable report: .md, or .html.")
    Path report;

    @Option(names = "--out", required = true,
            description = "Results, JSONL, appended as verdicts come; a rerun skips candidates already there.")
    Path out;

    @Option(names = "--allow-axiom", description = "Axioms a proof may use (default: propext, Classical.choice, Quot.sound). "
            + "Code-evaluating proofs (native_decide, Lean.ofReduceBool) are refused by the policy whatever this says.")
    List<String> allowedAxioms;

    @Mixin
    LeanOptions lean;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(candidates)) {
            System.err.println("proofline check: no such candidates file: " + candidates);
            return 2;
        }
        if (!Files.exists(problems)) {
            System.err.println("proofline check: no such problems file or directory: " + problems);
            return 2;
        }
        ProblemSet set = ProblemSet.read(problems);
        set.rejectedLines().forEach(r -> System.err.println("skipped problem " + r));
        System.err.println("Starting Lean…");
        try (LeanPool pool = lean.open()) {
            Set<String> axioms = allowedAxioms == null ? ProofChecker.STANDARD_AXIOMS : Set.copyOf(allowedAxioms);
            BatchCheck batch = new BatchCheck(set, new ProofChecker(pool, axioms), pool.workers());
            AtomicInteger accepted = new AtomicInteger();
            ProgressBar[] bar = new ProgressBar[1];
            List<Verdict> verdicts;
            try {
                verdicts = batch.run(candidates, out, total -> bar[0] = new ProgressBarBuilder().setTaskName("check")
                        .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUnit(" cand", 1)
                        .showSpeed().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build(), v -> {
                    if (v.verdict() == Verdict.Kind.accepted) {
                        accepted.incrementAndGet();
                    }
                    bar[0].setExtraMessage(" accepted " + accepted.get());
                    bar[0].step();
                });
            } finally {
                if (bar[0] != null) {
                    bar[0].close();
                }
            }
            Summary summary = Summary.of(verdicts, set.byId().keySet());
            System.out.print(summary.render());
            System.out.println("results: " + out);
            if (report != null) {
                new CheckReport(summary, verdicts).write(report);
                System.out.println("report: " + report);
            }
        }
        return 0;
    }
}
