package dev.proofline.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community REPL's protocol against the real embedded Lean: one REPL for the class (each test builds on
 * environments of its own, so numbers are read from replies, never assumed).
 */
class CommunityReplTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommunityRepl repl;

    @BeforeAll
    static void start() {
        repl = CommunityRepl.builder().timeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        repl.close();
    }

    static JsonNode send(String json) throws Exception {
        return repl.handle(JSON.readTree(json));
    }

    static ObjectNode req(Object... kv) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        }
        return o;
    }

    @Test
    void aCommandReportsMessagesAndEachSorryWithItsGoalAndProofState() {
        JsonNode r = repl.handle(req("cmd", "def f (x : Unit) : Nat := by sorry\ntheorem t : 1 = 1 := sorry"));
        assertTrue(r.get("env").isInt(), r.toString());
        JsonNode sorries = r.get("sorries");
        assertEquals(2, sorries.size(), r.toString());
        assertEquals("x : Unit\n⊢ Nat", sorries.get(0).get("goal").asText());
        assertEquals(1, sorries.get(0).get("pos").get("line").asInt());
        assertEquals(29, sorries.get(0).get("pos").get("column").asInt());
        assertEquals(34, sorries.get(0).get("endPos").get("column").asInt());
        assertEquals("⊢ 1 = 1", sorries.get(1).get("goal").asText());
        assertEquals(sorries.get(0).get("proofState").asInt() + 1, sorries.get(1).get("proofState").asInt());
        assertEquals("declaration uses `sorry`", r.get("messages").get(0).get("data").asText());
        assertEquals("warning", r.get("messages").get(0).get("severity").asText());
    }

    @Test
    void environmentsBuildOnEachOtherWithTheirScopesAndUnknownOnesAreNamed() {
        int e0 = repl.handle(req("cmd", "def two := 2\nopen Nat")).get("env").asInt();
        JsonNode r = repl.handle(req("cmd", "example : succ two = 3 := rfl", "env", e0));
        assertFalse(r.has("messages"), "Nat is still open and `two` known: " + r);
        assertEquals(e0 + 1, r.get("env").asInt(), "environments are numbered in order");
        JsonNode bad = repl.handle(req("cmd", "example : two = 3 := rfl", "env", e0));
        assertEquals("error", bad.get("messages").get(0).get("severity").asText());
        assertEquals("Unknown environment.", repl.handle(req("cmd", "def x := 1", "env", 10_000)).get("message").asText());
        JsonNode fresh = repl.handle(req("cmd", "example : two = 2 := rfl"));
        assertTrue(fresh.get("messages").get(0).get("data").asText().contains("two"),
                "without env a command starts from the header alone: " + fresh);
    }

    @Test
    void tacticModeStepsToAProofTheKernelAccepted() {
        int ps = repl.handle(req("cmd", "def g (x : Unit) : Nat := by sorry")).get("sorries").get(0).get("proofState").asInt();
        JsonNode step = repl.handle(req("tactic", "apply Int.natAbs", "proofState", ps));
        assertEquals("Incomplete: open goals remain", step.get("proofStatus").asText());
        assertEquals(List.of("x : Unit\n⊢ Int"), texts(step.get("goals")));
        JsonNode done = repl.handle(req("tactic", "exact -37", "proofState", step.get("proofState").asInt()));
        assertEquals("Completed", done.get("proofStatus").asText(), done.toString());
        assertEquals(0, done.get("goals").size());
        JsonNode branch = repl.handle(req("tactic", "exact 5", "proofState", ps));
        assertEquals("Completed", branch.get("proofStatus").asText(), "an earlier state can be stepped again");
        JsonNode sorry = repl.handle(req("tactic", "sorry", "proofState", ps));
        assertEquals("Incomplete: contains sorry", sorry.get("proofStatus").asText(), sorry.toString());
        assertEquals("x : Unit\n⊢ Nat", sorry.get("sorries").get(0).get("goal").asText());
        assertFalse(sorry.get("sorries").get(0).has("pos"), "a tactic's text has no position in the command");
        JsonNode failed = repl.handle(req("tactic", "exact \"no\"", "proofState", ps));
        assertTrue(failed.toString().contains("error"), failed.toString());
        JsonNode parse = repl.handle(req("tactic", "exact 1)", "proofState", ps));
        assertTrue(parse.get("message").asText().startsWith("Lean error:\n"), parse.toString());
        assertEquals("Unknown proof state.", repl.handle(req("tactic", "rfl", "proofState", 99_999)).get("message").asText());
    }

    @Test
    void aProofStateCannotUseTheTheoremItProves() {
        int ps = repl.handle(req("cmd", "theorem selfish : False := sorry")).get("sorries").get(0).get("proofState").asInt();
        // there `selfish` is at most the elaborator's local stand-in for the theorem, which the kernel refuses
        JsonNode r = repl.handle(req("tactic", "exact selfish", "proofState", ps));
        assertFalse("Completed".equals(r.path("proofStatus").asText()), r.toString());
    }

    @Test
    void allTacticsListsEachTacticWithItsGoalsAndAProofState() {
        JsonNode r = repl.handle(req("cmd", "theorem at1 (p q : Prop) (hp : p) (hq : q) : p ∧ q := by\n  constructor\n  exact hp\n  exact hq",
                "allTactics", true));
        JsonNode tactics = r.get("tactics");
        assertEquals(List.of("constructor", "exact hp", "exact hq"), texts(tactics, "tactic"));
        assertEquals("p q : Prop\nhp : p\nhq : q\n⊢ p ∧ q", tactics.get(0).get("goals").asText());
        assertTrue(texts(tactics.get(0).get("usedConstants")).contains("And.intro"), tactics.get(0).toString());
        JsonNode again = repl.handle(req("tactic", "exact ⟨hp, hq⟩", "proofState", tactics.get(0).get("proofState").asInt()));
        assertEquals("Completed", again.get("proofStatus").asText(), again.toString());
    }

    @Test
    void aProofWhoseHypothesesMentionEachOtherIsCompleted() {
        int ps = repl.handle(req("cmd", "theorem hyp (x : Nat) (h1 : x = 2) : x = 2 := by sorry"))
                .get("sorries").get(0).get("proofState").asInt();
        JsonNode r = repl.handle(req("tactic", "assumption", "proofState", ps));
        assertEquals("Completed", r.get("proofStatus").asText(), r.toString());
    }

    @Test
    void infoTreesAreReportedInTheModeAsked() {
        JsonNode r = repl.handle(req("cmd", "theorem it1 (p : Prop) (h : p) : p := by exact h", "infotree", "substantive"));
        JsonNode node = r.get("infotree").get(0);
        assertEquals("TacticInfo", node.get("kind").asText(), r.toString());
        assertEquals("exact h", node.get("node").get("stx").get("pp").asText());
        assertEquals(List.of("p : Prop\nh : p\n⊢ p"), texts(node.get("node").get("goalsBefore")));
        JsonNode full = repl.handle(req("cmd", "theorem it2 : True := trivial", "infotree", "full"));
        assertEquals("CommandInfo", full.get("infotree").get(0).get("kind").asText());
        assertFalse(repl.handle(req("cmd", "theorem it3 : True := trivial")).has("infotree"));
    }

    @Test
    void aFileIsACommandReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.lean");
        Files.writeString(file, "theorem fromFile : 2 + 2 = 4 := by\n  sorry\n");
        JsonNode r = repl.handle(req("path", file.toString()));
        assertEquals("⊢ 2 + 2 = 4", r.get("sorries").get(0).get("goal").asText());
        assertEquals(3, r.get("sorries").get(0).get("pos").get("line").asInt() + 1);
        assertTrue(repl.handle(req("path", dir.resolve("missing.lean").toString())).has("message"));
    }

    @Test
    void picklesMakeEnvironmentsAndProofStatesAgain(@TempDir Path dir) throws Exception {
        int hEnv = repl.handle(req("cmd", "def h : Nat := 42")).get("env").asInt();
        JsonNode r = repl.handle(req("cmd", "theorem p : h = 42 := by sorry", "env", hEnv));
        int env = r.get("env").asInt();
        int ps = r.get("sorries").get(0).get("proofState").asInt();
        Path envFile = dir.resolve("env.olean");
        assertEquals(env, repl.handle(req("pickleTo", envFile.toString(), "env", env)).get("env").asInt());
        JsonNode unpickledEnv = repl.handle(req("unpickleEnvFrom", envFile.toString()));
        assertTrue(unpickledEnv.has("env"), unpickledEnv.toString());
        int again = unpickledEnv.get("env").asInt();
        assertTrue(again > env);
        assertFalse(repl.handle(req("cmd", "example : h = 42 := rfl", "env", again)).has("messages"));

        Path psFile = dir.resolve("ps.olean");
        JsonNode pickled = repl.handle(req("pickleTo", psFile.toString(), "proofState", ps));
        assertTrue(pickled.get("proofState").asInt() > ps, "upstream numbers a pickled proof state anew: " + pickled);
        JsonNode unpickled = repl.handle(req("unpickleProofStateFrom", psFile.toString()));
        assertEquals(List.of("⊢ h = 42"), texts(unpickled.get("goals")));
        JsonNode done = repl.handle(req("tactic", "rfl", "proofState", unpickled.get("proofState").asInt()));
        assertEquals("Completed", done.get("proofStatus").asText(), done.toString());
        Files.writeString(dir.resolve("junk.olean"), "not a pickle");
        assertTrue(repl.handle(req("unpickleEnvFrom", dir.resolve("junk.olean").toString())).get("message").asText()
                .contains("junk.olean"));
    }

    @Test
    void aTimeoutKillsLeanButEverythingMadeBeforeStaysUsable() {
        JsonNode r = repl.handle(req("cmd", "def k : Nat := 7\ntheorem q : 7 = 7 := by sorry"));
        int env = r.get("env").asInt();
        int ps = r.get("sorries").get(0).get("proofState").asInt();
        int restarts = repl.restarts();
        JsonNode slow = repl.handle(req("cmd", "#eval (List.range 20000000).foldl (· + ·) 0", "env", env, "timeout", 300));
        assertTrue(slow.get("message").asText().startsWith("timeout"), slow.toString());
        JsonNode after = repl.handle(req("cmd", "example : k = 7 := rfl", "env", env));
        assertFalse(after.has("messages"), "the environment was made again on a fresh Lean: " + after);
        assertEquals(restarts + 1, repl.restarts());
        assertEquals("Completed", repl.handle(req("tactic", "rfl", "proofState", ps)).get("proofStatus").asText());
    }

    @Test
    void aCrashedLeanIsRestartedAndEverythingMadeBeforeStaysUsable() throws Exception {
        JsonNode r = repl.handle(req("cmd", "def m : Nat := 9\ntheorem s : 9 = 9 := by sorry"));
        int env = r.get("env").asInt();
        int ps = r.get("sorries").get(0).get("proofState").asInt();
        int restarts = repl.restarts();
        // the Lean processes of this JVM die as a crash would kill them
        List<ProcessHandle> leans = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("lean.js")).toList();
        assertFalse(leans.isEmpty());
        leans.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : leans) {
            p.onExit().get();
        }
        JsonNode after = repl.handle(req("cmd", "example : m = 9 := rfl", "env", env));
        assertFalse(after.has("messages"), after.toString());
        assertEquals(restarts + 1, repl.restarts());
        JsonNode step = repl.handle(req("tactic", "rfl", "proofState", ps));
        assertEquals("Completed", step.path("proofStatus").asText(), step.toString());
    }

    @Test
    void droppedEnvironmentsAndProofStatesAreGone() {
        JsonNode r = repl.handle(req("cmd", "theorem d : 3 = 3 := by sorry"));
        int env = r.get("env").asInt();
        int ps = r.get("sorries").get(0).get("proofState").asInt();
        assertTrue(repl.handle(req("dropEnvs", List.of(env), "dropProofStates", List.of(ps))).get("dropped").asBoolean());
        assertEquals("Unknown environment.", repl.handle(req("cmd", "example : 1 = 1 := rfl", "env", env)).get("message").asText());
        assertEquals("Unknown proof state.", repl.handle(req("tactic", "rfl", "proofState", ps)).get("message").asText());
    }

    @Test
    void verifyJudgesEachDeclaredTheoremAsCheckDoes() {
        JsonNode honest = repl.handle(req("cmd", "theorem v1 (a b : Nat) : a + b = b + a := Nat.add_comm a b\n"
                + "theorem v2 : 2 + 2 = 4 := by sorry", "verify", true));
        JsonNode verdicts = honest.get("verdicts");
        assertEquals("v1", verdicts.get(0).get("name").asText());
        assertEquals("accepted", verdicts.get(0).get("verdict").asText(), verdicts.toString());
        assertEquals("rejected", verdicts.get(1).get("verdict").asText());
        assertTrue(verdicts.get(1).get("reasons").toString().contains("sorry"), verdicts.toString());

        // an axiom smuggled in by an earlier command of the session
        int env = repl.handle(req("cmd", "axiom cheat : False")).get("env").asInt();
        JsonNode cheat = repl.handle(req("cmd", "theorem v3 : 1 = 2 := cheat.elim", "env", env, "verify", true))
                .get("verdicts").get(0);
        assertEquals("rejected", cheat.get("verdict").asText());
        String reasons = cheat.get("reasons").toString();
        assertTrue(reasons.contains("policy") && reasons.contains("axioms: uses cheat"), reasons);

        JsonNode nativeDecide = repl.handle(req("cmd", "theorem v4 : 10 < 20 := by native_decide", "verify", true))
                .get("verdicts").get(0);
        assertEquals("rejected", nativeDecide.get("verdict").asText(), nativeDecide.toString());
        assertFalse(repl.handle(req("cmd", "theorem v5 : True := trivial")).has("verdicts"), "only when asked");
    }

    @Test
    void aCommandWithImportsRunsOnALeanThatImportedThem() {
        JsonNode r = repl.handle(req("cmd", "import Lean\nopen Lean in\ndef nm : Name := `a.b\nexample : nm = `a.b := rfl"));
        assertFalse(r.has("messages"), r.toString());
        JsonNode missing = repl.handle(req("cmd", "import Mathlib\ntheorem x : True := trivial"));
        assertTrue(missing.get("message").asText().contains("Mathlib"), missing.toString());
    }

    private static List<String> texts(JsonNode array) {
        return texts(array, null);
    }

    /** The texts of an array, or of one field of each of its objects. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(field == null ? a.asText() : a.get(field).asText()));
        return out;
    }
}
