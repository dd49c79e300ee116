package dev.proofline.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.dataset.Dataset;
import dev.proofline.dataset.ProblemRecord;
import dev.proofline.dataset.ProblemRecord.Expected;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated problems against real Lean: true ones are proved, false controls are not. */
class ValidationTest {
    static LeanPool pool;
    static ProofChecker checker;

    @BeforeAll
    static void start() throws Exception {
        pool = Lean.pool().workers(1).open();
        checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aBusyBeaverClaimIsProvedAndItsFalseControlIsNot() {
        assertPairBehaves(new BusyBeaver());
    }

    @Test
    void anMbaIdentityIsProvedAndItsFalseControlIsNot() {
        assertPairBehaves(new Mba());
    }

    @Test
    void mutatedTheoremsAreProvedByTheProofBuiltFromTheOriginal() {
        Iterator<ProblemRecord> it = new Mutate().problems(5);
        for (int i = 0; i < 3; i++) {
            ProblemRecord m = it.next();
            Verdict v = checker.check(m.toProblem(), m.referenceCandidate(), "reference");
            assertEquals(Verdict.Kind.accepted, v.verdict(), m.statement() + "\n" + m.referenceProof() + "\n" + v.reasons());
        }
    }

    @Test
    void regeneratingWithTheSameSeedWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        Validator validator = new Validator(checker, 1);
        new Generation(new Mutate(), validator, 2).run(5, 11, "1", o -> {}).write(tmp.resolve("a"));
        new Generation(new Mutate(), validator, 5).run(5, 11, "1", o -> {}).write(tmp.resolve("b"));
        for (String f : Dataset.manifest(tmp.resolve("a")).files().keySet()) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/manifest.json")), Files.readAllBytes(tmp.resolve("b/manifest.json")));
        assertEquals(List.of(), Dataset.verify(tmp.resolve("a")));
    }

    /** The first true problem that has a false control: its proof is accepted, the control's is rejected. */
    private static void assertPairBehaves(Generator generator) {
        Iterator<ProblemRecord> it = generator.problems(2);
        ProblemRecord previous = it.next();
        ProblemRecord control = it.next();
        while (control.expected() != Expected.false_control) {
            previous = control;
            control = it.next();
        }
        Verdict proved = checker.check(previous.toProblem(), previous.referenceCandidate(), "reference");
        assertEquals(Verdict.Kind.accepted, proved.verdict(), previous.statement() + " " + proved.reasons());
        Verdict refuted = checker.check(control.toProblem(), control.referenceCandidate(), "reference");
        assertEquals(Verdict.Kind.rejected, refuted.verdict(), control.statement());
        assertTrue(refuted.reasons().get(0).startsWith("lean-error"), refuted.reasons().toString());
        Validator.Outcome outcome = new Validator(checker, 1).validate(control);
        assertTrue(outcome.kept(), outcome.reason());
    }
}
