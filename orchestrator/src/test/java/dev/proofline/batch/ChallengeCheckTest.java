package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A challenge file and changed solutions of it, checked by real Lean as {@code proofline check --challenge} does. */
class ChallengeCheckTest {
    static final Path SAMPLE = Path.of("..", "problems", "samples", "challenge");
    static final Path CHALLENGE = SAMPLE.resolve("challenge/Doubling.lean");
    static LeanPool pool;
    static ProofChecker checker;
    static String solution;

    @BeforeAll
    static void open() throws IOException {
        pool = Lean.pool().workers(1).open();
        checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
        solution = Files.readString(SAMPLE.resolve("solution/Doubling.lean"));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void theTheoremsProvedBySorryAreTheProblemsWithTheirFullNames() throws IOException {
        LeanFile f = LeanFile.parse(Files.readString(CHALLENGE));
        assertEquals(List.of("Init"), f.imports());
        assertEquals(List.of("double_zero", "Challenge.double_eq", "Challenge.flip_flip", "Challenge.double_add"),
                f.theorems().stream().map(LeanFile.Theorem::name).toList());
        assertEquals(List.of(false, true, true, true), f.theorems().stream().map(LeanFile.Theorem::isSorry).toList());
        LeanFile.Theorem eq = f.theorems().get(1);
        assertEquals("/-- Doubling is multiplying by two. -/\ntheorem double_eq (n : Nat) : double n = 2 * n", eq.statement());
        assertEquals("by\n  sorry", eq.proof());
        assertEquals("rfl", f.theorems().get(0).proof());
        // the header's lines are left blank: Lean's line numbers are the file's
        assertEquals(Files.readString(CHALLENGE).lines().count(), f.body().lines().count());
        assertEquals("theorem double_eq (n : Nat) : double n = 2 * n := by", f.body().lines().toList().get(eq.firstLine()));
    }

    @Test
    void theShippedSolutionIsAcceptedTheoremByTheoremFromOneElaboration(@TempDir Path dir) throws IOException {
        Map<String, Verdict> v = check(dir, solution);
        assertEquals(List.of("Doubling/Challenge.double_add", "Doubling/Challenge.double_eq", "Doubling/Challenge.flip_flip"),
                List.copyOf(v.keySet()));
        v.values().forEach(x -> assertEquals(Verdict.Kind.accepted, x.verdict(), x.toString()));
    }

    @Test
    void aChangedStatementIsRejectedAndTheOtherTheoremsStillCount(@TempDir Path dir) throws IOException {
        Map<String, Verdict> v = check(dir, solution.replace("double n = 2 * n := by", "double n = n + n := by"));
        assertReason(v.get("Doubling/Challenge.double_eq"), "statement-changed");
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.flip_flip").verdict());
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.double_add").verdict());
    }

    @Test
    void aRedefinitionThatChangesWhatAStatementMeansIsRejected(@TempDir Path dir) throws IOException {
        // `double` now means 2 * n: the statements' types are unchanged, their meaning is not
        Map<String, Verdict> v = check(dir, solution.replace("def double (n : Nat) : Nat := n + n",
                "def double (n : Nat) : Nat := 2 * n"));
        assertReason(v.get("Doubling/Challenge.double_eq"), "definition-changed");
        assertTrue(v.get("Doubling/Challenge.double_eq").reasons().toString().contains("rests on double"));
        assertReason(v.get("Doubling/Challenge.double_add"), "definition-changed");
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.flip_flip").verdict());

        // a changed constructor list of a type a statement mentions, too
        Map<String, Verdict> w = check(dir, solution.replace("  | green\n", "  | green\n  | blue\n")
                .replace("  | .green => .red\n", "  | .green => .red\n  | .blue => .blue\n"));
        assertReason(w.get("Doubling/Challenge.flip_flip"), "definition-changed");
        assertEquals(Verdict.Kind.accepted, w.get("Doubling/Challenge.double_eq").verdict());
    }

    @Test
    void aMissingTheoremIsRejectedAlone(@TempDir Path dir) throws IOException {
        Map<String, Verdict> v = check(dir, solution.replace("theorem flip_flip (c : Color) : c.flip.flip = c := by\n  cases c <;> rfl\n", ""));
        assertReason(v.get("Doubling/Challenge.flip_flip"), "theorem-missing");
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.double_eq").verdict());
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.double_add").verdict());
    }

    @Test
    void extraTheoremsAreHelpersWhoseSorryCountsOnlyWhereItIsUsed(@TempDir Path dir) throws IOException {
        String helpers = "theorem two_mul' (n : Nat) : n + n = 2 * n := by omega\n\n"
                + "theorem unused : 1 = 2 := sorry\n\n"
                + "theorem flip_red : Color.red.flip.flip = Color.red := sorry\n\n"
                + "namespace Challenge";
        Map<String, Verdict> v = check(dir, solution.replace("namespace Challenge", helpers)
                .replace("  unfold double\n  omega\n\ntheorem flip_flip", "  unfold double\n  exact two_mul' n\n\ntheorem flip_flip")
                .replace("  cases c <;> rfl", "  cases c\n  · exact flip_red\n  · rfl"));
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.double_eq").verdict(), v.toString());
        assertEquals(Verdict.Kind.accepted, v.get("Doubling/Challenge.double_add").verdict());
        assertReason(v.get("Doubling/Challenge.flip_flip"), "sorry");
        assertEquals(3, v.size(), "the helpers get no verdict of their own");
    }

    /** The challenge against {@code solutionText}, checked as {@code proofline check --challenge} does, by problem id. */
    private static Map<String, Verdict> check(Path dir, String solutionText) throws IOException {
        Path sol = dir.resolve("Doubling-" + Integer.toHexString(solutionText.hashCode()) + ".lean");
        Files.writeString(sol, solutionText);
        ChallengeCheck c = ChallengeCheck.read(CHALLENGE, sol, checker, 1);
        assertTrue(c.problems().rejectedLines().isEmpty(), c.problems().rejectedLines().toString());
        Map<String, Verdict> byProblem = new TreeMap<>();
        c.run(dir.resolve(sol.getFileName() + ".results.jsonl"), n -> assertEquals(3, n), x -> byProblem.put(x.problem(), x));
        return byProblem;
    }

    private static void assertReason(Verdict v, String kind) {
        assertEquals(Verdict.Kind.rejected, v.verdict(), v.toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith(kind + ":")), v.toString());
    }
}
