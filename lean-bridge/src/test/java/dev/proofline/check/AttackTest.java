package dev.proofline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cheating candidates, one per class of exploit that public checker test corpora (LeanParanoia's exploit
 * files, comparator's test projects) describe and that can be written without Mathlib, each written anew for
 * an Init or Lean header. Every one must be refused by the policy before it is elaborated, or rejected by
 * the judge; none may be accepted. Real Lean throughout.
 */
class AttackTest {
    static Checking lean;

    static final Problem FALSE_INIT = new Problem("false_init", List.of(), null, "theorem t : False", null, List.of());
    static final Problem FALSE_LEAN = new Problem("false_lean", List.of("Lean"), null, "theorem t : False", null, List.of());

    @BeforeAll
    static void open() throws Exception {
        // two workers: the Init and the Lean header each keep a warm session
        lean = Checking.open(2);
    }

    @AfterAll
    static void close() {
        if (lean != null) {
            lean.close();
        }
    }

    static Verdict code(Problem p, String code) {
        return lean.code(p, code);
    }

    static void assertRefused(String expectedInReason, Verdict v) {
        assertEquals(Verdict.Kind.rejected, v.verdict(), v.toString());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith("policy:") && r.contains(expectedInReason)),
                "policy reason naming " + expectedInReason + " expected in " + v.reasons());
    }

    /** The candidate's code, wherever it is attached, must be refused before anything runs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        // a user elaborator that forges a Nat literal: comparator's "olean" class
        "term_elab ;; term_elab ;; open Lean Elab Term in\\n@[term_elab num] unsafe def forge : TermElab := fun _ _ => pure (mkRawNatLit 0)\\ntheorem t : False := by decide",
        "unsafe def ;; unsafe ;; unsafe def loop : Nat → Nat := fun n => loop n\\ntheorem t : False := by decide",
        "command_elab ;; command_elab ;; open Lean Elab Command in\\n@[command_elab Lean.Parser.Command.check] def evil : CommandElab := fun _ => pure ()\\ntheorem t : False := by decide",
        "tactic ;; @[tactic] ;; open Lean Elab Tactic in\\n@[tactic Lean.Parser.Tactic.decide] def evil : Tactic := fun _ => pure ()\\ntheorem t : False := by decide",
        "macro attribute ;; macro ;; open Lean in\\n@[macro Lean.Parser.Tactic.decide] def evil : Macro := fun _ => `(tactic| sorry)\\ntheorem t : False := by decide",
        "simproc ;; simproc_decl ;; open Lean Meta in\\nsimproc_decl evil (False) := fun _ => pure .continue\\ntheorem t : False := by simp",
        "delab ;; delab ;; open Lean PrettyPrinter Delaborator in\\n@[delab app.False] def d : Delab := failure\\ntheorem t : False := by decide",
        "initialize ;; initialize ;; initialize pure ()\\ntheorem t : False := by decide",
        "run_meta ;; run_meta ;; run_meta pure ()\\ntheorem t : False := by decide",
        "by_elab ;; by_elab ;; theorem t : False := by_elab pure (Lean.mkConst ``False)",
        "elab ;; elab ;; elab \"cheat\" : tactic => pure ()\\ntheorem t : False := by cheat",
        "macro_rules ;; macro_rules ;; syntax \"cheat\" : tactic\\nmacro_rules | `(tactic| cheat) => `(tactic| sorry)\\ntheorem t : False := by cheat",
    })
    void codeAttachedToLeanIsRefused(String what, String expected, String code) {
        assertRefused(expected, code(FALSE_LEAN, code.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "skipKernelTC ;; debug.skipKernelTC ;; set_option debug.skipKernelTC true in\\ntheorem t : False := unsafeCast ()",
        "guillemets ;; set_option ;; set_option «debug».skipKernelTC true in\\ntheorem t : False := unsafeCast ()",
        "quoted component ;; set_option ;; set_option debug.«skipKernelTC» true in\\ntheorem t : False := unsafeCast ()",
        "tactic set_option ;; set_option ;; theorem t : False := by set_option debug.skipKernelTC true in exact unsafeCast ()",
        "axiom ;; axiom ;; axiom cheat : False\\ntheorem t : False := cheat",
        "implemented_by ;; implemented_by ;; def f : Bool := false\\n@[implemented_by f] def g : Bool := true\\ntheorem t : False := by decide",
        "extern ;; extern ;; @[extern \"lean_nat_add\"] def g (n : Nat) : Nat := n\\ntheorem t : False := by decide",
        "csimp ;; csimp ;; def f (n : Nat) : Nat := n\\n@[csimp] theorem f_eq : @f = @id Nat := rfl\\ntheorem t : False := by decide",
        "native_decide ;; native_decide ;; theorem t : False := by native_decide",
        "decide +native ;; native ;; theorem t : False := by decide +native",
        "reduceBool ;; ofReduceBool ;; theorem t : False := absurd (Lean.ofReduceBool false true rfl) Bool.false_ne_true",
        "open and rename ;; reduceBool ;; open Lean renaming reduceBool → rb\\ntheorem t : False := by decide",
        "configuration code ;; configuration value ;; def steps : Nat := 5\\ntheorem t : False := by simp (maxSteps := steps)",
        "legacy configuration ;; configuration value ;; def c : Lean.Meta.Simp.Config := {}\\ntheorem t : False := by simp (config := c)",
        "#eval ;; #eval ;; #eval IO.println \"hi\"\\ntheorem t : False := by decide",
        "#reduce ;; #reduce ;; #reduce 1\\ntheorem t : False := by decide",
        "#exit ;; #exit ;; theorem t : False := sorry\\n#exit",
        "import ;; import ;; import Lean\\ntheorem t : False := by decide",
        "syntax ;; syntax ;; syntax \"x\" : term\\ntheorem t : False := by decide",
        "unsafe term ;; unsafe ;; theorem t : False := unsafe (unsafeCast ())",
    })
    void checksSwitchedOffOrCodeRunByLeanIsRefused(String what, String expected, String code) {
        assertRefused(expected, code(FALSE_INIT, code.replace("\\n", "\n")));
    }

    @Test
    void codeThatWouldWriteAFileNeverRuns() {
        // a file write would be blocked by the sandbox anyway: code that ran would show as a message
        Verdict v = code(FALSE_LEAN, "open Lean Elab Command in\n"
                + "@[command_elab Lean.Parser.Command.check] def evil : CommandElab := fun _ => logInfo \"proofline-ran\""
                + "\n#check 1\ntheorem t : False := by decide");
        assertRefused("command_elab", v);
        assertTrue(v.messages().stream().noneMatch(m -> m.data().contains("proofline-ran")), v.messages().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "variable hypothesis ;; statement-changed ;; variable (h : False)\\ninclude h\\ntheorem t : False := h",
        "auto-bound universe ;; statement-changed ;; theorem t {α : Sort u} (a : α) : False := sorry",
        "other namespace ;; theorem-missing ;; namespace X\\ntheorem t : False := sorry\\nend X",
        "private ;; theorem-missing ;; private theorem t : False := sorry",
        "a definition ;; not-a-theorem ;; def t : False := sorry",
        "sorryAx ;; sorry ;; theorem t : False := sorryAx False true",
        "sorry ;; sorry ;; theorem t : False := by sorry",
        "kernel-only error ;; lean-error ;; theorem t : False := unsafeCast ()",
    })
    void cheatsThatElaborateAreRejectedByTheJudge(String what, String reason, String code) {
        Verdict v = code(FALSE_INIT, code.replace("\\n", "\n"));
        Checking.assertRejectedFor(reason, v);
    }

    @Test
    void aRedefinedPreambleNameIsALeanErrorNotANewMeaning() {
        Problem p = new Problem("double", List.of(), "def double (n : Nat) : Nat := 2 * n",
                "theorem t : double 2 = 5", null, List.of());
        Verdict v = code(p, "def double (n : Nat) : Nat := 2 * n + 1\ntheorem t : double 2 = 5 := rfl");
        assertEquals(Verdict.Kind.rejected, v.verdict(), v.toString());
        assertTrue(v.reasons().get(0).startsWith("lean-error:"), v.reasons().toString());
    }
}
