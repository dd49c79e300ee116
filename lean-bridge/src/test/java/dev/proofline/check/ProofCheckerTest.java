package dev.proofline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verdicts from the real embedded Lean: honest proofs of several styles, and one cheat per reason. */
class ProofCheckerTest {
    static Checking lean;

    static final Problem ADD_COMM = problem("add_comm", "theorem add_comm' (a b : Nat) : a + b = b + a");
    static final Problem SMALL = problem("small", "theorem small : 7 * 6 = 42");
    static final Problem FALSE_STMT = problem("false_stmt", "theorem false_stmt : 1 = 2");
    static final Problem DOUBLE = new Problem("double", List.of(), "def double (n : Nat) : Nat := 2 * n",
            "theorem double_even (n : Nat) : double n % 2 = 0", null, List.of());

    @BeforeAll
    static void open() throws Exception {
        lean = Checking.open(1);
    }

    @AfterAll
    static void close() {
        if (lean != null) {
            lean.close();
        }
    }

    static Problem problem(String id, String statement) {
        return new Problem(id, List.of(), null, statement, null, List.of());
    }

    static Verdict proof(Problem p, String proof) {
        return lean.proof(p, proof);
    }

    static Verdict code(Problem p, String code) {
        return lean.code(p, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "term ;; theorem add_comm' (a b : Nat) : a + b = b + a ;; Nat.add_comm a b",
        "simp ;; theorem rev_rev (l : List Nat) : l.reverse.reverse = l ;; by simp",
        "omega ;; theorem lin (x y : Nat) (h : x < y) : x + 1 ≤ y ;; by omega",
        "decide ;; theorem small : 7 * 6 = 42 ;; by decide",
        "induction ;; theorem zero_add' (n : Nat) : 0 + n = n ;; by induction n with | zero => rfl | succ n ih => rw [Nat.add_succ, ih]",
    })
    void honestProofsAreAccepted(String style, String statement, String proof) {
        Verdict v = proof(problem(style, statement), proof);
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
        assertEquals(List.of(), v.reasons());
    }

    @Test
    void honestCodeWithAHelperLemmaIsAccepted() {
        Verdict v = code(ADD_COMM, "theorem aux (a b : Nat) : a + b = b + a := Nat.add_comm a b\n"
                + "theorem add_comm' (a b : Nat) : a + b = b + a := aux a b");
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
    }

    @Test
    void thePreambleDefinesWhatTheStatementUses() {
        assertEquals(Verdict.Kind.accepted, proof(DOUBLE, "by unfold double; omega").verdict());
        Verdict wrong = proof(DOUBLE, "rfl");
        Checking.assertRejectedFor("lean-error", wrong);
        assertEquals(2, wrong.messages().get(0).pos().line(), "positions are the submission's own: " + wrong.messages());
        Problem broken = new Problem("broken", List.of(), "def double (n : Nat) : Nat := undefined_thing",
                "theorem double_even (n : Nat) : double n % 2 = 0", null, List.of());
        Verdict v = proof(broken, "by omega");
        assertEquals(Verdict.Kind.invalid, v.verdict(), v.toString());
        assertTrue(v.reasons().get(0).startsWith("bad-problem: the preamble"), v.reasons().toString());
    }

    @Test
    void aWrongProofIsALeanError() {
        Verdict v = proof(ADD_COMM, "rfl");
        Checking.assertRejectedFor("lean-error", v);
        assertFalse(v.messages().isEmpty());
    }

    @Test
    void sorryIsRejected() {
        Checking.assertRejectedFor("sorry", proof(FALSE_STMT, "by sorry"));
    }

    @Test
    void aRenamedTheoremIsMissing() {
        Checking.assertRejectedFor("theorem-missing", code(ADD_COMM,
                "theorem add_comm'' (a b : Nat) : a + b = b + a := Nat.add_comm a b"));
    }

    @Test
    void aDefinitionIsNotATheorem() {
        Checking.assertRejectedFor("not-a-theorem", code(SMALL, "def small : 7 * 6 = 42 := rfl"));
    }

    @Test
    void anEditedStatementIsCaught() {
        Checking.assertRejectedFor("statement-changed", code(ADD_COMM, "theorem add_comm' (a b : Nat) : a + b = a + b := rfl"));
    }

    @Test
    void aLocalInstanceThatChangesTheMeaningIsCaught() {
        Checking.assertRejectedFor("statement-changed", code(SMALL,
                "noncomputable local instance : Mul Nat := ⟨fun _ _ => 42⟩\ntheorem small : 7 * 6 = 42 := rfl"));
    }

    @Test
    void aLocalNotationThatChangesTheMeaningIsCaught() {
        // with a higher priority the notation wins the parse, and `1 ≠ 1` reads as `1 = 1`
        Checking.assertRejectedFor("statement-changed", code(problem("ne_cheat", "theorem ne_cheat : (1 : Nat) ≠ 1"),
                "local notation:50 (priority := high) a:51 \" ≠ \" b:51 => a = b\ntheorem ne_cheat : (1 : Nat) ≠ 1 := rfl"));
    }

    @Test
    void aVariableHypothesisIsCaught() {
        Checking.assertRejectedFor("statement-changed", code(FALSE_STMT,
                "variable (h : False)\ninclude h\ntheorem false_stmt : 1 = 2 := h.elim"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "#eval ;; #eval IO.println \"hi\"\\ntheorem small : 7 * 6 = 42 := rfl",
        "import ;; import Lean\\ntheorem small : 7 * 6 = 42 := rfl",
        "axiom ;; axiom cheat : 7 * 6 = 42\\ntheorem small : 7 * 6 = 42 := cheat",
        "set_option debug.skipKernelTC ;; set_option debug.skipKernelTC true in\\ntheorem small : 7 * 6 = 42 := rfl",
        "@[implemented_by] ;; def f : Nat := 1\\n@[implemented_by f] def g : Nat := 2\\ntheorem small : 7 * 6 = 42 := rfl",
        "macro ;; macro \"cheat\" : tactic => `(tactic| decide)\\ntheorem small : 7 * 6 = 42 := by cheat",
        "run_tac ;; theorem small : 7 * 6 = 42 := by run_tac pure ()",
        "#exit ;; theorem small : 7 * 6 = 42 := rfl\\n#exit",
    })
    void forbiddenCommandsAreRejectedByThePolicy(String what, String code) {
        Verdict v = code(SMALL, code.replace("\\n", "\n"));
        Checking.assertRejectedFor("policy", v);
        assertTrue(v.reasons().get(0).contains(what), v.reasons().toString());
    }

    @Test
    void aForbiddenCommandNeverRuns() {
        // a file write would be blocked by the sandbox anyway: a run #eval would show as a message
        Verdict v = proof(SMALL, "rfl\n#eval IO.println \"proofline-ran\"");
        Checking.assertRejectedFor("policy", v);
        assertEquals("policy: #eval at 3:0 is not allowed", v.reasons().get(0));
        assertTrue(v.messages().stream().noneMatch(m -> m.data().contains("proofline-ran")), v.messages().toString());
    }

    @Test
    void aStatementThatDoesNotElaborateMakesTheCandidateInvalid() {
        Verdict v = proof(problem("bad", "theorem bad : (1 : Nat) = \"one\""), "rfl");
        assertEquals(Verdict.Kind.invalid, v.verdict(), v.toString());
        assertTrue(v.reasons().get(0).startsWith("bad-problem:"), v.reasons().toString());
    }

    @Test
    void aStatementThatDeclaresNoTheoremMakesTheCandidateInvalid() {
        Verdict v = proof(problem("def", "def notATheorem : Nat"), "1");
        assertEquals(Verdict.Kind.invalid, v.verdict(), v.toString());
        assertEquals(List.of("bad-problem: the statement declares no theorem"), v.reasons());
    }

    /** Honest proofs that plain `lean` accepts, in the forms a name-by-regex or options-by-fiat judge refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "explicit universes ;; ~~ ;; theorem id'.{u} {α : Sort u} (a : α) : a = a ;; rfl",
        "universe in the preamble ;; universe u ;; theorem id' {α : Sort u} (a : α) : a = a ;; rfl",
        "guillemets ;; ~~ ;; theorem «123».t : 1 + 1 = 2 ;; rfl",
        "namespace in the preamble ;; namespace Foo ;; theorem t : 1 + 1 = 2 ;; rfl",
        "open in the preamble ;; open Nat ;; theorem t (n : Nat) : succ n = n + 1 ;; rfl",
        "variable in the preamble ;; variable (n : Nat) ;; theorem t : n + 0 = n ;; by simp",
        "set_option in the preamble ;; set_option autoImplicit false ;; theorem t (n : Nat) : n = n ;; rfl",
        "auto-bound implicits ;; ~~ ;; theorem t {P : List α → Prop} (h : P []) : P [] ;; h",
        "Classical.em ;; ~~ ;; theorem t (p : Prop) : p ∨ ¬p ;; Classical.em p",
        "implicit-binder restatement ;; ~~ ;; theorem t (a : Nat) : a = a ;; rfl",
        "match on a string literal ;; ~~ ;; theorem t : (match \"live\" with | \"live\" => 1 | _ => 0) = 1 ;; rfl",
    })
    void honestProofsInEveryStatementFormAreAccepted(String what, String preamble, String statement, String proof) {
        Problem p = new Problem(what.replace(' ', '_'), List.of(), preamble, statement, null, List.of());
        Verdict v = proof(p, proof);
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
    }

    @Test
    void aRestatementWithImplicitBindersIsTheSameStatement() {
        Problem p = problem("implicit", "theorem t (a : Nat) : a + 0 = a");
        Verdict v = code(p, "theorem t {a : Nat} : a + 0 = a := rfl");
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
    }

    /** A theorem holds for every universe whatever it calls them: renamed, position by position, it is the same
     * statement (comparator's universe_param_alpha); another level, or another order of parameters, is not. */
    @Test
    void renamedUniverseParametersAreTheSameStatement() {
        Problem p = problem("universes", "theorem t.{u, w} (α : Sort u) (β : Sort w) : (α → β) = (α → β)");
        Verdict renamed = code(p, "theorem t.{v, x} (γ : Sort v) (δ : Sort x) : (γ → δ) = (γ → δ) := rfl");
        assertEquals(Verdict.Kind.accepted, renamed.verdict(), renamed.toString());
        Verdict swapped = code(p, "theorem t.{w, u} (α : Sort u) (β : Sort w) : (α → β) = (α → β) := rfl");
        Checking.assertRejectedFor("statement-changed", swapped);
        Verdict lifted = code(p, "theorem t.{v, x} (γ : Sort (v + 1)) (δ : Sort x) : (γ → δ) = (γ → δ) := rfl");
        Checking.assertRejectedFor("statement-changed", lifted);
    }

    @Test
    void aFloodOfMessagesIsNoReasonToReject() {
        String flood = "#check 1\n".repeat(2000);
        Verdict v = code(SMALL, flood + "theorem small : 7 * 6 = 42 := rfl");
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.reasons().toString());
        assertEquals(2000, v.messages().size());
    }

    @Test
    void aHeaderIsImportedAsLeanImportsIt() {
        // `lean` imports Init before Std; the statement needs both
        Problem p = new Problem("std", List.of("Std"), null,
                "theorem t (m : Std.HashMap Nat Nat) : m.size = m.size", null, List.of());
        Verdict v = proof(p, "rfl");
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
    }

    @Test
    void aHeaderThatDoesNotImportIsABadProblemFoundByOneStart() {
        assertEquals(Verdict.Kind.accepted, proof(SMALL, "by decide").verdict());
        Problem p = new Problem("mathlib", List.of("Mathlib"), null, "theorem t : 1 = 1", null, List.of());
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            Verdict v = proof(p, "rfl");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Verdict.Kind.invalid, v.verdict(), v.toString());
            assertEquals(1, v.reasons().size(), v.toString());
            assertTrue(v.reasons().get(0).startsWith("bad-problem: the header does not import: ")
                    && v.reasons().get(0).contains("Mathlib") && !v.reasons().get(0).contains("\n"), v.toString());
            // the second candidate is answered from what the first start found, with no Lean started
            assertTrue(i == 0 || ms < 200, "took " + ms + " ms");
        }
        // the one worker stayed warm for Init: the failed header did not take its place
        assertEquals(1, lean.idleSessions().get(List.of("Init")), lean.idleSessions().toString());
    }

    @Test
    void aProblemsOwnOptionsHoldForTheStatementAndTheCandidate() {
        Problem strict = new Problem("strict", List.of(), null, "theorem t (n : Nat) : n = n", null, List.of(),
                java.util.Map.of("autoImplicit", false));
        assertEquals(Verdict.Kind.accepted, proof(strict, "rfl").verdict());
        // with autoImplicit on, `m` would silently become a variable; the problem turned it off
        Checking.assertRejectedFor("lean-error", code(strict, "theorem t (n : Nat) : n = n := rfl\ntheorem u : m = m := rfl"));
    }

    @Test
    void theoremsOfOneFileBuildOnTheSamePrefix() {
        // each problem's preamble is everything before its theorem; the REPL elaborates only what is new
        String first = "def f (n : Nat) : Nat := n + 1\n";
        String second = first + "theorem f_pos (n : Nat) : 0 < f n := sorry\nnamespace G\ndef g (n : Nat) : Nat := f n + 1\n";
        Problem p1 = new Problem("file_1", List.of(), first, "theorem t1 (n : Nat) : f n = n + 1", null, List.of());
        Problem p2 = new Problem("file_2", List.of(), second, "theorem t2 (n : Nat) : g n = n + 2", null, List.of());
        assertEquals(Verdict.Kind.accepted, proof(p1, "rfl").verdict());
        Verdict v = proof(p2, "by simp [g, f]");
        assertEquals(Verdict.Kind.accepted, v.verdict(), v.toString());
        Checking.assertRejectedFor("sorry", proof(p2, "by have := f_pos n; simp [g, f]"));
        Checking.assertRejectedFor("lean-error", proof(p2, "by simp only [f]"));
    }
}
