package dev.proofline.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small benchmarks written here in the layouts of leanprover/human-eval-lean and sunblaze-ucb/verina, ingested,
 * and their reference proofs checked by real Lean as {@code proofline check --candidates DATASET} does.
 */
class BenchmarkLayoutsTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "benchmarks");
    static LeanPool pool;
    static ProofChecker checker;

    @BeforeAll
    static void open() throws IOException {
        pool = Lean.pool().workers(1).open();
        checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void humanEvalLeanModulesBecomeOneProblemPerTheoremWithoutTheirTests() throws IOException {
        RecordReader read = Ingest.read(FIXTURES.resolve("human-eval-lean"));
        assertEquals(List.of(), read.rejected());
        Map<String, ProblemRecord> byId = byId(read);
        assertEquals(List.of("HumanEval1-le_larger_left", "HumanEval1-le_larger_right", "HumanEval1-larger_comm_",
                "HumanEval2-countEvens_le_length",
                "HumanEval2-countEvens_append"), List.copyOf(byId.keySet()));
        ProblemRecord right = byId.get("HumanEval1-le_larger_right");
        assertEquals(List.of("Init"), right.header());
        assertEquals(List.of("Std"), byId.get("HumanEval2-countEvens_append").header());
        assertEquals("theorem le_larger_right (a b : Nat) : b ≤ larger a b", right.statement());
        // an earlier theorem is context; the tests are not
        assertTrue(right.preamble().contains("theorem le_larger_left"));
        assertTrue(!right.preamble().contains("example"), right.preamble());
        assertNull(byId.get("HumanEval2-countEvens_append").referenceProof(), "a sorry is no reference proof");
        assertAllReferencesAccepted(read, 4);
    }

    @Test
    void verinaTasksWithoutMathlibBecomeProblemsWithTheirProofSections() throws IOException {
        RecordReader read = Ingest.read(FIXTURES.resolve("verina"));
        assertEquals(1, read.rejected().size(), read.rejected().toString());
        assertTrue(read.rejected().get(0).contains("verina_advanced_3 needs Mathlib (imports Mathlib)"), read.rejected().toString());
        Map<String, ProblemRecord> byId = byId(read);
        assertEquals(List.of("verina_basic_7", "verina_basic_8"), List.copyOf(byId.keySet()));
        ProblemRecord add = byId.get("verina_basic_7");
        assertEquals("verina", add.family());
        assertTrue(add.statement().startsWith("theorem addTwo_spec_satisfied (a : Nat) (b : Nat)"), add.statement());
        assertTrue(add.preamble().contains("def addTwo_postcond") && add.preamble().contains("  a + b"), add.preamble());
        assertTrue(add.informal().contains("sum of two natural numbers"));
        assertEquals(List.of("Std.Data.HashSet"), byId.get("verina_basic_8").header());
        assertNull(byId.get("verina_basic_8").referenceProof(), "a sorry is no reference proof");
        assertAllReferencesAccepted(read, 1);
    }

    private static Map<String, ProblemRecord> byId(RecordReader read) {
        return read.records().stream().collect(Collectors.toMap(ProblemRecord::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static void assertAllReferencesAccepted(RecordReader read, int references) {
        List<ProblemRecord> withProof = read.records().stream().filter(r -> r.referenceProof() != null).toList();
        assertEquals(references, withProof.size());
        for (ProblemRecord r : withProof) {
            Verdict v = checker.check(r.toProblem(), r.referenceCandidate(), "reference");
            assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
        }
    }
}
