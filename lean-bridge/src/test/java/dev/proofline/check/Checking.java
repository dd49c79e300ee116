package dev.proofline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.time.Duration;

/** One started pool and its checker, shared by the tests of a class, and the verdict helpers they use. */
final class Checking implements AutoCloseable {
    private final LeanPool pool;
    private final ProofChecker checker;

    private Checking(LeanPool pool) {
        this.pool = pool;
        this.checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
    }

    static Checking open(int workers) throws Exception {
        return new Checking(Lean.pool().workers(workers).timeout(Duration.ofSeconds(60)).open());
    }

    Verdict proof(Problem p, String proof) {
        return checker.check(p, new Candidate(p.id(), null, proof, null), "c");
    }

    Verdict code(Problem p, String code) {
        return checker.check(p, new Candidate(p.id(), null, null, code), "c");
    }

    /** Elaborating sessions idle now, per header. */
    java.util.Map<java.util.List<String>, Integer> idleSessions() {
        return pool.idleSessions();
    }

    /** Rejected, with a reason of the given kind ({@code policy}, {@code sorry}, …) among its reasons. */
    static void assertRejectedFor(String reason, Verdict v) {
        assertEquals(Verdict.Kind.rejected, v.verdict(), v.toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith(reason + ":")), reason + " expected in " + v.reasons());
    }

    @Override
    public void close() {
        pool.close();
    }
}
