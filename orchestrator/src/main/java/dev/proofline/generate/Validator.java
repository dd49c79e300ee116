package dev.proofline.generate;

import dev.proofline.batch.FanOut;
import dev.proofline.check.Candidate;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.dataset.ProblemRecord;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Lean's word on generated problems, by the verdict rules of {@code proofline check}. A provable problem
 * is kept when its reference proof is accepted. A false control is kept when its statement elaborates (it
 * is rejected with {@code sorry} as the only reason) and its reference proof is rejected; a timeout or
 * crash keeps nothing, since it proves neither.
 */
public final class Validator {
    private final ProofChecker checker;
    private final int threads;

    /** What Lean said of one problem. */
    public record Outcome(ProblemRecord problem, boolean kept, String reason) {}

    public Validator(ProofChecker checker, int threads) {
        this.checker = checker;
        this.threads = threads;
    }

    /** One outcome per problem, in the problems' order. */
    public List<Outcome> validate(List<ProblemRecord> problems) {
        try {
            return FanOut.map(problems, threads, this::validate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validation failed: " + e.getCause(), e.getCause());
        }
    }

    public Outcome validate(ProblemRecord p) {
        Verdict reference = checker.check(p.toProblem(), p.referenceCandidate(), "reference");
        if (p.expected() == ProblemRecord.Expected.provable) {
            return reference.verdict() == Verdict.Kind.accepted ? new Outcome(p, true, "reference proof accepted")
                    : new Outcome(p, false, "reference proof " + reference.verdict() + ": " + String.join("; ", reference.reasons()));
        }
        if (reference.verdict() != Verdict.Kind.rejected) {
            return new Outcome(p, false, "false control's proof " + reference.verdict()
                    + (reference.reasons().isEmpty() ? "" : ": " + String.join("; ", reference.reasons())));
        }
        Verdict stated = checker.check(p.toProblem(), new Candidate(p.id(), "sorry", "sorry", null), "sorry");
        boolean elaborates = stated.verdict() == Verdict.Kind.rejected && stated.reasons().size() == 1
                && stated.reasons().get(0).startsWith("sorry");
        return elaborates ? new Outcome(p, true, "reference proof rejected: " + String.join("; ", reference.reasons()))
                : new Outcome(p, false, "false control's statement does not elaborate: " + String.join("; ", stated.reasons()));
    }
}
