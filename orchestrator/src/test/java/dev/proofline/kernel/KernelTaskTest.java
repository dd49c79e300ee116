package dev.proofline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading task.json and candidate.json, without Lean: one line naming the file and what is wrong. */
class KernelTaskTest {
    static Path task(Path root, String json) throws IOException {
        Path dir = Files.createDirectories(root.resolve("t"));
        Files.writeString(dir.resolve("task.lean"), "");
        Files.writeString(dir.resolve("task.json"), json);
        return dir;
    }

    @Test
    void taskIsRead(@TempDir Path root) throws IOException {
        KernelTask t = KernelTask.load(task(root, "{\"namespace\": \"T\", \"signature\": \"(n) x[n] → y[n]\", \"block\": 128, "
                + "\"shapes\": [{\"n\": 4}]}"));
        assertEquals("t", t.name());
        assertEquals(128, t.block());
        assertEquals(List.of(Map.of("n", 4L)), t.shapes());
        assertFalse(t.reassociation(), "only Verified unless the task says otherwise");
    }

    @Test
    void reassociationIsTheTasksToAllow(@TempDir Path root) throws IOException {
        assertTrue(KernelTask.load(task(root, "{\"namespace\": \"T\", \"signature\": \"s\", \"reassociation\": \"int-like\", "
                + "\"shapes\": [{\"n\": 4}]}")).reassociation());
        Path dir = task(root, "{\"namespace\": \"T\", \"signature\": \"s\", \"reassociation\": true, \"shapes\": [{\"n\": 4}]}");
        IOException e = assertThrows(IOException.class, () -> KernelTask.load(dir));
        assertEquals(root.resolve("t/task.json") + ": \"reassociation\" may only be \"int-like\" (kernels that reassociate sums, "
                + "proved for integer-like scalars), got true", e.getMessage());
    }

    @Test
    void candidateSaysWhichClaimItProves(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("candidate.lean"), "");
        Files.writeString(root.resolve("candidate.json"), "{\"namespace\": \"C\"}");
        assertEquals(KernelCandidate.Claim.VERIFIED, KernelCandidate.load(root).claim());
        Files.writeString(root.resolve("candidate.json"), "{\"namespace\": \"C\", \"claim\": \"VerifiedReassoc\"}");
        assertEquals(KernelCandidate.Claim.VERIFIED_REASSOC, KernelCandidate.load(root).claim());
        Files.writeString(root.resolve("candidate.json"), "{\"namespace\": \"C\", \"claim\": \"True\"}");
        IOException e = assertThrows(IOException.class, () -> KernelCandidate.load(root));
        assertEquals(root.resolve("candidate.json") + ": \"claim\" must be one of \"Verified\", \"VerifiedReassoc\", got \"True\"",
                e.getMessage());
    }

    @Test
    void badFieldsAreNamed(@TempDir Path root) throws IOException {
        Path json = root.resolve("t/task.json");
        String[][] cases = {
            {"{\"namespace\": \"1x\", \"signature\": \"s\", \"shapes\": [{\"n\": 4}]}", ": \"namespace\" must be a Lean namespace, got \"1x\""},
            {"{\"namespace\": \"T\", \"shapes\": [{\"n\": 4}]}", ": \"signature\" must say what the kernel takes, e.g. \"(n) x[n] → out[n]\""},
            {"{\"namespace\": \"T\", \"signature\": \"s\", \"shapes\": []}", ": \"shapes\" must list at least one shape"},
            {"{\"namespace\": \"T\", \"signature\": \"s\", \"shapes\": [{\"n\\\" then 0 else\": 4}]}",
                ": a shape maps size names to natural numbers, got {\"n\\\" then 0 else\":4}"},
            {"{\"namespace\": \"T\", \"signature\": \"s\", \"block\": 4096, \"shapes\": [{\"n\": 4}]}", ": \"block\" must be 1 to 1024 threads, got 4096"},
        };
        for (String[] c : cases) {
            Path dir = task(root, c[0]);
            IOException e = assertThrows(IOException.class, () -> KernelTask.load(dir));
            assertEquals(json + c[1], e.getMessage());
        }
    }

    /** A saved judgement of a candidate is not reused once candidate.json declares another claim. */
    @Test
    void savedJudgementKeyFollowsTheDeclaredClaim(@TempDir Path root) throws IOException {
        KernelTask t = KernelTask.load(task(root, "{\"namespace\": \"T\", \"signature\": \"s\", \"shapes\": [{\"n\": 4}]}"));
        Path language = Files.writeString(root.resolve("Kernel.lean"), "");
        Path c = Files.createDirectories(root.resolve("c"));
        Files.writeString(c.resolve("candidate.lean"), "");
        Files.writeString(c.resolve("candidate.json"), "{\"namespace\": \"C\"}");
        String verified = SavedJudgements.key(language, t, KernelCandidate.load(c));
        Files.writeString(c.resolve("candidate.json"), "{\"namespace\": \"C\", \"claim\": \"VerifiedReassoc\"}");
        assertFalse(verified.equals(SavedJudgements.key(language, t, KernelCandidate.load(c))));
    }

    @Test
    void candidateNeedsItsFiles(@TempDir Path root) throws IOException {
        IOException e = assertThrows(IOException.class, () -> KernelCandidate.load(root));
        assertEquals(root + " is not a kernel candidate: it needs candidate.lean and candidate.json", e.getMessage());
    }
}
