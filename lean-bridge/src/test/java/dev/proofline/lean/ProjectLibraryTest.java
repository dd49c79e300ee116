package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.check.Candidate;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Problem;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-file Lake project compiled by the embedded Lean ({@code proofline lib build}) and imported by problems:
 * honest candidates accepted and cheats rejected, the judge importing the project too.
 */
class ProjectLibraryTest {
    @TempDir
    static Path dir;
    static LeanProject project;
    static LeanPool pool;
    static ProofChecker checker;

    static final Problem TWICE = problem("twice", "theorem double_is_twice (n : Nat) : Tally.double n = Counting.twice n");
    static final Problem MONO = problem("mono", "theorem sum_mono (n : Nat) : Tally.sumTo n ≤ Tally.sumTo (n + 2)");

    @BeforeAll
    static void open() throws IOException {
        project = TallyProject.write(dir.resolve("tally"));
        pool = Lean.pool().runtime(new EmbeddedRuntime(ProoflineCache.defaultDir(), project)).header(List.of("Tally"))
                .workers(1).timeout(Duration.ofSeconds(60)).open();
        checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    static Problem problem(String id, String statement) {
        return new Problem(id, List.of("Tally"), null, statement, null, List.of());
    }

    static Verdict proof(Problem p, String proof) {
        return checker.check(p, new Candidate(p.id(), null, proof, null), "c");
    }

    static Verdict code(Problem p, String code) {
        return checker.check(p, new Candidate(p.id(), null, null, code), "c");
    }

    @Test
    void theProjectIsCompiledOnceInDependencyOrder() throws IOException {
        ProjectLibrary lib = new EmbeddedRuntime(ProoflineCache.defaultDir()).buildLibrary(project);
        assertFalse(lib.compiled(), "the pool's start compiled it; the same content is not compiled again");
        assertEquals(List.of("Counting.Basic", "Tally.Basic", "Tally.Sum", "Tally"), lib.modules());
        assertEquals(lib.modules().stream().sorted().toList(), LeanProject.modulesIn(List.of(lib.dir())));
        assertFalse(Files.getPosixFilePermissions(lib.dir().resolve("Tally.olean")).contains(PosixFilePermission.OWNER_WRITE),
                "read-only, like the library");
    }

    @Test
    void honestCandidatesUsingTheProjectAreAccepted() {
        for (Verdict v : List.of(proof(TWICE, "Tally.double_eq_twice n"),
                proof(TWICE, "by unfold Tally.double Counting.twice; omega"),
                proof(MONO, "Nat.le_trans (Tally.sumTo_le_succ n) (Tally.sumTo_le_succ (n + 1))"),
                code(problem("three", "theorem sum_three : Tally.sumTo 3 = 6"), "theorem sum_three : Tally.sumTo 3 = 6 := by decide"))) {
            assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
        }
    }

    @Test
    void cheatsAreRejected() {
        assertRejectedFor("sorry", proof(MONO, "sorry"));
        assertRejectedFor("lean-error", proof(problem("false", "theorem sum_three : Tally.sumTo 3 = 7"), "by decide"));
        assertRejectedFor("statement-changed", code(TWICE,
                "theorem double_is_twice (n : Nat) : Tally.double n = Tally.double n := rfl"));
        Verdict axiom = code(TWICE, "axiom boom : False\ntheorem double_is_twice (n : Nat) : Tally.double n = Counting.twice n := boom.elim");
        assertEquals(Verdict.Kind.rejected, axiom.verdict(), axiom.toString());
        assertRejectedFor("lean-error", code(TWICE, "def Tally.double (n : Nat) : Nat := 0\n"
                + "theorem double_is_twice (n : Nat) : Tally.double n = Counting.twice n := by simp [Tally.double]"));
    }

    @Test
    void aHeaderNamingAModuleTheProjectLacksIsABadProblem() {
        Verdict v = proof(new Problem("missing", List.of("Tally.Missing"), null, "theorem t : True", null, List.of()), "trivial");
        assertEquals(Verdict.Kind.invalid, v.verdict(), v.toString());
        assertTrue(v.reasons().get(0).startsWith("bad-problem: the header does not import"), v.reasons().toString());
        assertTrue(v.reasons().get(0).contains("Tally.Missing"), v.reasons().toString());
    }

    @Test
    void aProjectTheEmbeddedLeanCannotBuildIsRefusedInOneLine(@TempDir Path other) throws IOException {
        LeanProject p = TallyProject.write(other);
        Files.writeString(other.resolve("Tally/Extra.lean"), "module\npublic import Tally.Nope\n");
        assertOneLine(other.resolve("Tally/Extra.lean") + " imports Tally.Nope, which neither the project nor the "
                + "embedded Lean's library has", p);
        Files.writeString(other.resolve("Tally/Extra.lean"), "module\npublic import Mathlib.Tactic\n");
        assertOneLine("--project " + other + " needs Mathlib, which the embedded Lean does not have: check it with "
                + "--runtime native (a Lean from elan, the project built with lake build)", p);
        Files.writeString(other.resolve("Tally/Extra.lean"), "import Tally.Basic\ntheorem t : True := trivial\n");
        assertOneLine(other.resolve("Tally/Extra.lean") + " does not begin with `module`: the embedded Lean imports only "
                + "a module's exported part, so its declarations would be invisible (begin it with `module` and "
                + "`public section`)", p);
    }

    private static void assertOneLine(String expected, LeanProject p) {
        IOException e = assertThrows(IOException.class, () -> new EmbeddedRuntime(ProoflineCache.defaultDir()).buildLibrary(p));
        assertEquals(expected, e.getMessage());
    }

    private static void assertRejectedFor(String reason, Verdict v) {
        assertEquals(Verdict.Kind.rejected, v.verdict(), v.toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith(reason + ":")), reason + " expected in " + v.reasons());
    }
}
