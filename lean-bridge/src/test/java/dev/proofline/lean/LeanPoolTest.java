package dev.proofline.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bridge against the real embedded Lean: one pool of two workers, shared by every test here. */
class LeanPoolTest {
    static final List<String> INIT = List.of("Init");
    static LeanPool pool;

    @BeforeAll
    static void open() throws Exception {
        pool = Lean.pool().workers(2).timeout(Duration.ofSeconds(60)).open();
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void correctProofHasNoErrors() {
        LeanResult r = pool.send(LeanRequest.of("theorem t (a b : Nat) : a + b = b + a := by omega").axiomsOf("t"));
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertFalse(r.hasErrors(), r.messages().toString());
        Declaration t = r.declaration("t").orElseThrow();
        assertTrue(t.found());
        assertEquals("theorem", t.kind());
        assertEquals(List.of(), t.axioms());
    }

    @Test
    void wrongProofReportsLeansErrorWithPosition() {
        LeanResult r = pool.check("theorem bad : 2 + 2 = 5 := by decide");
        assertTrue(r.hasErrors());
        LeanMessage e = r.errors().get(0);
        assertTrue(e.data().contains("decide"), e.data());
        assertEquals(1, e.pos().line());
        assertEquals(30, e.pos().column(), "the error is on `decide`");
        assertNotNull(e.endPos());
    }

    @Test
    void sorryIsVisible() {
        LeanResult r = pool.send(LeanRequest.of("theorem s : 1 = 2 := sorry").axiomsOf("s"));
        assertFalse(r.hasErrors());
        assertEquals(1, r.sorries().size());
        assertEquals(List.of("sorryAx"), r.declaration("s").orElseThrow().axioms());
    }

    @Test
    void axiomsAreReportedPerDeclaration() {
        LeanResult r = pool.send(LeanRequest.of("""
                axiom cheat : False
                theorem uses_cheat : 1 = 2 := cheat.elim
                theorem uses_native : 10 < 20 := by native_decide
                """).axiomsOf("uses_cheat", "uses_native", "Nat.add_comm"));
        assertFalse(r.hasErrors(), r.messages().toString());
        assertEquals(List.of("cheat"), r.declaration("uses_cheat").orElseThrow().axioms());
        assertEquals(List.of("Lean.ofReduceBool"), r.declaration("uses_native").orElseThrow().axioms());
        // an imported library theorem: its proof is not shipped in this build, and it is not an assumption
        Declaration lib = r.declaration("Nat.add_comm").orElseThrow();
        assertTrue(lib.imported());
        assertEquals(List.of(), lib.axioms());
    }

    @Test
    void commandsDoNotLeakIntoEachOther() {
        assertFalse(pool.check("theorem leak : True := trivial").hasErrors());
        LeanResult r = pool.check("example : True := leak");
        assertTrue(r.hasErrors(), "a declaration from an earlier request must not be visible");
    }

    @Test
    void optionsAreLeansDefaultsUnlessTheRequestSetsThem() {
        // as in a file `lean` checks, an unknown name in a signature is an automatic implicit by default
        assertFalse(pool.check("theorem ai : x = x := rfl").hasErrors());
        LeanResult off = pool.send(LeanRequest.of("theorem ai : x = x := rfl").withOptions(Map.of("autoImplicit", false)));
        assertTrue(off.hasErrors(), "with autoImplicit off an unknown name must be an error, not a silent variable");
    }

    @Test
    void keptEnvironmentsCanBeReusedAndDropped() throws Exception {
        pool.withSession(INIT, s -> {
            Duration t = Duration.ofSeconds(30);
            LeanResult first = s.send(LeanRequest.of("def double (n : Nat) := 2 * n").keeping(), t);
            assertNotNull(first.env());
            LeanResult second = s.send(LeanRequest.of("example : double 3 = 6 := rfl").inEnv(first.env()), t);
            assertFalse(second.hasErrors(), second.messages().toString());
            assertEquals(LeanResult.Status.OK, s.drop(List.of(first.env()), List.of(), t).status());
            LeanResult gone = s.send(LeanRequest.of("example : True := trivial").inEnv(first.env()), t);
            assertEquals(LeanResult.Status.REFUSED, gone.status());
            assertTrue(gone.detail().contains("unknown environment"), gone.detail());
            return null;
        });
    }

    @Test
    void unicodeAcrossReadChunksSurvives() {
        // 30,000 three-byte characters: the request spans several reads of the patched stdin
        String comment = "/- " + "∀".repeat(30_000) + " -/\n";
        LeanResult r = pool.check(comment + "theorem u (p : Prop) : p → p := fun h => h");
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertFalse(r.hasErrors(), r.messages().toString());
    }

    @Test
    void heavyTacticIsCutByTheHeartbeatLimit() {
        // simp over 64 conjuncts takes ~9 s here with Lean's default limit; 20,000 heartbeats stop it early
        LeanResult r = pool.send(LeanRequest.of("theorem big : " + conjunction(0, 63) + " := by simp").heartbeats(20));
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertTrue(r.errors().stream().anyMatch(m -> m.data().contains("maximum number of heartbeats")),
                r.messages().toString());
    }

    /** A balanced conjunction of {@code 0 + k = k}: much work for simp, little nesting. */
    static String conjunction(int lo, int hi) {
        if (lo == hi) {
            return "0 + " + lo + " = " + lo;
        }
        int mid = (lo + hi) / 2;
        return "(" + conjunction(lo, mid) + ") ∧ (" + conjunction(mid + 1, hi) + ")";
    }

    @Test
    void withoutHeartbeatsTheWallClockCutsItAndThePoolStillAnswers() {
        LeanResult r = pool.send(INIT, LeanRequest.of("theorem z : True := by sleep 600000; trivial").heartbeats(0),
                Duration.ofSeconds(3));
        assertEquals(LeanResult.Status.TIMEOUT, r.status());
        assertTrue(r.elapsedMs() < 10_000, "cut after " + r.elapsedMs() + " ms");
        LeanResult after = pool.check("theorem after : 1 + 1 = 2 := rfl");
        assertEquals(LeanResult.Status.OK, after.status(), after.detail());
        assertFalse(after.hasErrors());
    }

    @Test
    void aKilledProcessIsReplacedAndTheNextRequestSucceeds() throws Exception {
        LeanResult inFlight = pool.withSession(INIT, s -> {
            CompletableFuture<LeanResult> slow = CompletableFuture.supplyAsync(
                    () -> s.send(LeanRequest.of("theorem w : True := by sleep 20000; trivial"), Duration.ofSeconds(60)));
            sleepQuietly(1000);
            ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
            return slow.join();
        });
        assertEquals(LeanResult.Status.CRASHED, inFlight.status());
        for (int i = 0; i < 3; i++) {
            LeanResult next = pool.check("theorem next : 2 * 3 = 6 := rfl");
            assertEquals(LeanResult.Status.OK, next.status(), next.detail());
            assertFalse(next.hasErrors());
        }
    }

    @Test
    void twoRequestsRunInParallelOnTwoSessions() {
        // a worker replaced by another test may still be starting: measure with both warm
        long waitUntil = System.nanoTime() + 180_000_000_000L;
        while (pool.idleSessions().getOrDefault(INIT, 0) < 2 && System.nanoTime() < waitUntil) {
            sleepQuietly(200);
        }
        long t0 = System.nanoTime();
        CompletableFuture<LeanResult> a = CompletableFuture.supplyAsync(() -> pool.check("theorem pa : True := by sleep 3000; trivial"));
        CompletableFuture<LeanResult> b = CompletableFuture.supplyAsync(() -> pool.check("theorem pb : True := by sleep 3000; trivial"));
        assertFalse(a.join().hasErrors());
        assertFalse(b.join().hasErrors());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // one after the other would take at least 6 s
        assertTrue(ms < 5_500, "two 3-s requests took " + ms + " ms together");
    }

    @Test
    void malformedRequestsAreRefusedClearly() {
        LeanResult r = pool.send(LeanRequest.of("example : True := trivial").inEnv(999));
        assertEquals(LeanResult.Status.REFUSED, r.status());
        assertEquals("unknown environment 999", r.detail());
    }

    /** Elaborates {@code cmd} against {@code reference}, then has a judge session replay what it exported. */
    private static LeanResult judged(String cmd, String reference) {
        LeanResult elaborated = pool.send(LeanRequest.of(cmd).comparedTo(reference).exported());
        assertEquals(LeanResult.Status.OK, elaborated.status(), elaborated.detail());
        return pool.send(LeanRequest.judge(elaborated.export()).comparedTo(reference));
    }

    @Test
    void theJudgesKernelChecksWhatTheElaboratorsKernelNeverSaw() {
        // the elaborator accepts this once its kernel is switched off; the judge's kernel checks it anyway
        LeanResult r = judged("set_option debug.skipKernelTC true in\ntheorem t : False := unsafeCast ()",
                "theorem t : False := sorry");
        String replay = r.declaration("t").orElseThrow().replay();
        assertTrue(replay.contains("unsafe declaration 'unsafeCast'"), replay);

        LeanResult honest = judged("inductive Color | red | green\n"
                + "def Color.flip : Color → Color | .red => .green | .green => .red\n"
                + "theorem flip_flip (c : Color) : c.flip.flip = c := by cases c <;> rfl",
                "inductive Color | red | green\n"
                + "def Color.flip : Color → Color | .red => .green | .green => .red\n"
                + "theorem flip_flip (c : Color) : c.flip.flip = c := sorry");
        Declaration d = honest.declaration("flip_flip").orElseThrow();
        assertEquals("ok", d.replay(), honest.toString());
        assertEquals(Boolean.TRUE, d.sameType());
    }

    @Test
    void typesAreComparedWithTheReferenceStatement() {
        String reference = "theorem t (x y : Nat) : x + y = y + x := sorry";
        LeanResult renamedBinders = judged("theorem t (a b : Nat) : a + b = b + a := Nat.add_comm a b", reference);
        assertEquals(Boolean.TRUE, renamedBinders.declaration("t").orElseThrow().sameType());
        LeanResult edited = judged("theorem t (a b : Nat) : a + b = a + b := rfl", reference);
        assertEquals(Boolean.FALSE, edited.declaration("t").orElseThrow().sameType());
        LeanResult broken = pool.send(LeanRequest.of("theorem t : True := trivial")
                .comparedTo("theorem t : (1 : Nat) = \"one\" := sorry").exported());
        assertFalse(broken.referenceErrors().isEmpty());
    }

    @Test
    void aForgedExportCannotLoopOrReferToWhatItDoesNotDefine() throws Exception {
        // written by hand, as a compromised elaborating process could: a theorem resting on two definitions
        // that refer to each other, and one resting on a constant the export does not define
        String cyclic = """
                {"exprs": [["sort", "z"], ["const", ["Nat"], []], ["const", ["b"], []], ["const", ["a"], []],
                           ["const", ["True"], []], ["const", ["True", "intro"], []], ["const", ["nowhere"], []]],
                 "decls": [{"kind": "def", "name": ["a"], "levels": [], "type": 1, "value": 2, "hints": "abbrev", "safety": "safe"},
                           {"kind": "def", "name": ["b"], "levels": [], "type": 1, "value": 3, "hints": "abbrev", "safety": "safe"},
                           {"kind": "theorem", "name": ["t"], "levels": [], "type": 4, "value": 3},
                           {"kind": "theorem", "name": ["u"], "levels": [], "type": 4, "value": 6}]}""";
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        LeanResult r = pool.send(LeanRequest.judge(json.readTree(cyclic))
                .comparedTo("theorem t : True := sorry\ntheorem u : True := sorry"));
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertTrue(r.declaration("t").orElseThrow().replay().contains("depends on itself"), r.toString());
        assertEquals("unknown constant nowhere", r.declaration("u").orElseThrow().replay(), r.toString());

        String forward = """
                {"exprs": [["app", 1, 1], ["const", ["True"], []]],
                 "decls": [{"kind": "theorem", "name": ["t"], "levels": [], "type": 1, "value": 0}]}""";
        LeanResult f = pool.send(LeanRequest.judge(json.readTree(forward)).comparedTo("theorem t : True := sorry"));
        assertEquals("expression 0 refers to 1, which is not before it", f.exportError(), f.toString());
    }

    @Test
    void kernelExceptionsAreCaughtEveryTimeAndTheSessionGoesOn() {
        // each rejection is a C++ exception thrown in the kernel and caught through the patched invoke
        // imports; a stack pointer left unrestored by any of them would show in the commands after it
        StringBuilder cmd = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            cmd.append("theorem t").append(i).append(" : False := unsafeCast ()\n");
        }
        cmd.append("theorem ok (xs : List Nat) : (xs ++ []).length = xs.length := by simp");
        LeanResult r = pool.send(LeanRequest.of(cmd.toString()).axiomsOf("ok"));
        assertEquals(300, r.errors().size(), r.detail());
        assertTrue(r.errors().stream().allMatch(m -> m.data().equals(
                "(kernel) invalid declaration, it uses unsafe declaration 'unsafeCast'")), r.errors().get(0).data());
        assertTrue(r.declaration("ok").orElseThrow().found());
        assertFalse(pool.check("theorem b (a b : Nat) (h : a ≤ b) : a < b + 1 := by omega").hasErrors());
    }

    @Test
    void parsingRunsNothingAndReportsWhatWasParsed() throws Exception {
        // a file write would be blocked by the sandbox anyway: a run #eval would show as a message
        LeanResult r = pool.send(LeanRequest.parse("#eval IO.println \"proofline-ran\"\n"
                + "theorem t : True := by set_option debug.skipKernelTC true in trivial"));
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertTrue(r.syntax().kinds().stream().anyMatch(k -> k.name().equals("Lean.Parser.Command.eval")));
        assertEquals(List.of("debug.skipKernelTC"), r.syntax().options().stream().map(ParsedSyntax.Occurrence::name).toList());
        assertTrue(r.messages().isEmpty(), r.messages().toString());
    }

    @Test
    void leanCannotWriteHostFilesOutsideItsScratchDirectory() {
        // a plain REPL really writes this file; here Lean's file system shows only its mounts
        Path target = Path.of("/tmp", "proofline-escape-" + System.nanoTime());
        Path library = ProoflineCache.defaultDir().resolve("proofline-escape-" + System.nanoTime());
        LeanResult r = pool.check("#eval IO.FS.writeFile \"" + target + "\" \"x\"\n"
                + "#eval IO.FS.writeFile \"" + library + "\" \"x\"\n"
                + "#eval IO.FS.readFile \"/etc/passwd\"");
        assertEquals(LeanResult.Status.OK, r.status(), r.detail());
        assertFalse(Files.exists(target), target + " was written");
        assertFalse(Files.exists(library), library + " was written");
        assertTrue(r.errors().stream().anyMatch(m -> m.data().contains("/etc/passwd")), r.messages().toString());
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
