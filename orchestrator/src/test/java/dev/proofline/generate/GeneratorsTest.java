package dev.proofline.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.dataset.ProblemRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the generators promise before Lean sees their problems: determinism, and truth as Java knows it. */
class GeneratorsTest {

    @Test
    void theSameSeedGivesTheSameProblemsAndAnotherSeedOthers() {
        for (String family : Generator.FAMILIES) {
            assertEquals(take(family, 7, 30), take(family, 7, 30), family);
            assertNotEquals(take(family, 7, 30), take(family, 8, 30), family);
        }
    }

    @Test
    void theBusyBeaverChampionsRunAsKnown() {
        // BB(2): 6 steps, 4 ones; BB(4): 107 steps, 13 ones (table entries 2q+read: write, right?, next)
        TuringMachine bb2 = new TuringMachine(2, new int[] {1, 1, 1, 1}, new boolean[] {true, false, false, true},
                new int[] {1, 1, 0, TuringMachine.HALT});
        assertEquals(new TuringMachine.Run(6, 4), bb2.run(100));
        TuringMachine bb4 = new TuringMachine(4, new int[] {1, 1, 1, 0, 1, 1, 1, 0},
                new boolean[] {true, false, false, false, true, false, true, true},
                new int[] {1, 1, 0, 2, TuringMachine.HALT, 3, 3, 0});
        assertEquals(new TuringMachine.Run(107, 13), bb4.run(200));
        assertFalse(bb4.run(106).halted());
    }

    @Test
    void everyMbaIdentityHoldsAndEveryControlFailsOnSomeAssignment() {
        Iterator<ProblemRecord> it = new Mba().problems(3);
        for (int i = 0; i < 40; i++) {
            ProblemRecord r = it.next();
            assertTrue(r.statement().contains(" : BitVec "), r.statement());
            assertTrue(r.referenceProof().endsWith("decide +kernel"));
        }
        List<Term> xy = List.of(Term.var("x"), Term.var("y"));
        Term lhs = Term.bin(Term.Op.ADD, Term.bin(Term.Op.XOR, xy.get(0), xy.get(1)),
                Term.bin(Term.Op.MUL, Term.lit(2), Term.bin(Term.Op.AND, xy.get(0), xy.get(1))));
        Term rhs = Term.bin(Term.Op.ADD, xy.get(0), xy.get(1));
        assertTrue(Mba.holds(lhs, rhs, xy, 15));
        assertFalse(Mba.holds(lhs.replace(Term.lit(2), Term.lit(3)), rhs, xy, 15));
        assertEquals("(x ^^^ y) + 2 * (x &&& y)", lhs.lean());
        Term mixed = Term.bin(Term.Op.AND, rhs, Term.var("z"));
        assertEquals("(x + y) &&& z", mixed.lean(), "bitwise next to arithmetic gets parentheses");
        assertEquals("(x + y) & z", mixed.math());
        assertEquals("(a * b + c) - d", Term.bin(Term.Op.SUB, Term.bin(Term.Op.ADD, Term.bin(Term.Op.MUL, Term.var("a"),
                Term.var("b")), Term.var("c")), Term.var("d")).lean());
    }

    @Test
    void idsComeFromTheNormalisedStatementSoRenamingOrSpacingChangesNothing() {
        String a = ProblemRecord.hash(List.of("Init"), "", "theorem foo (a b : Nat) : a + b = b + a");
        String b = ProblemRecord.hash(List.of("Init"), "", "theorem bar (a b : Nat) :\n  a + b  = b + a");
        assertEquals(a, b);
        ProblemRecord r = new Mutate().problems(1).next();
        assertTrue(r.id().startsWith("mutate_") && r.hash().startsWith(r.id().substring("mutate_".length())));
        assertTrue(r.toProblem().statement().startsWith("theorem " + r.id() + " "), r.statement());
    }

    private static List<ProblemRecord> take(String family, long seed, int n) {
        Iterator<ProblemRecord> it = Generator.named(family).problems(seed);
        List<ProblemRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(it.next());
        }
        return out;
    }
}
