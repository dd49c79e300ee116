package dev.proofline.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.dataset.ProblemRecord.Expected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets through git and back, and what ingest does with records it cannot use. */
class PublishIngestTest {

    @Test
    void aPublishedDatasetIsIngestedFromTheRepositoryAtItsTag(@TempDir Path tmp) throws Exception {
        Dataset v1 = dataset("1", 3);
        v1.write(tmp.resolve("v1"));
        Publisher.Published p1 = Publisher.publish(tmp.resolve("v1"), tmp.resolve("repo"), "sets/demo");
        assertTrue(p1.created());
        assertEquals("demo/v1", p1.tag());
        assertFalse(Publisher.publish(tmp.resolve("v1"), tmp.resolve("repo"), "sets/demo").created(),
                "the same content again makes no commit");

        dataset("2", 5).write(tmp.resolve("v2"));
        Publisher.Published p2 = Publisher.publish(tmp.resolve("v2"), tmp.resolve("repo"), "sets/demo");
        assertTrue(p2.created());

        Ingest.Checkout c = Ingest.checkout(tmp.resolve("repo").toString(), "demo/v1", tmp.resolve("cache"));
        assertEquals(p1.commit(), c.commit());
        RecordReader read = Ingest.read(c.workTree().resolve("sets/demo"));
        assertEquals(List.of(), read.rejected());
        assertEquals(v1.problems(), read.records());

        Ingest.Checkout latest = Ingest.checkout(tmp.resolve("repo").toString(), "main", tmp.resolve("cache"));
        assertEquals(p2.commit(), latest.commit());
        assertEquals(5, Ingest.read(latest.workTree().resolve("sets/demo")).records().size());
    }

    @Test
    void aTagIsNeverMovedToOtherContent(@TempDir Path tmp) throws Exception {
        dataset("1", 2).write(tmp.resolve("a"));
        Publisher.publish(tmp.resolve("a"), tmp.resolve("repo"), "d");
        Dataset changed = new Dataset("demo", "1", Map.of(), 1L, dataset("1", 3).problems());
        changed.write(tmp.resolve("b"));
        assertThrows(IllegalArgumentException.class, () -> Publisher.publish(tmp.resolve("b"), tmp.resolve("repo"), "d"));
    }

    @Test
    void badRecordsAreReportedAndTheRestKept(@TempDir Path tmp) throws Exception {
        ProblemRecord good = dataset("1", 1).problems().get(0);
        String goodLine = Dataset.JSON.writeValueAsString(good);
        Path file = tmp.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                goodLine,
                "not json at all",
                "[1, 2]",
                "{\"id\": \"x\"}",
                "{\"id\": \"y\", \"statement\": \"def y : Nat\"}",
                "{\"statement\": \"theorem z : 1 = 1\", \"expected\": \"maybe\"}",
                goodLine.replace(good.hash(), "0".repeat(64)),
                goodLine,
                "{\"statement\": \"theorem other (n : Nat) : n = n\", \"proof\": \"rfl\"}",
                "{\"id\": \"../escape\", \"statement\": \"theorem esc : 1 = 1\"}") + "\n");
        RecordReader read = Ingest.read(file);
        assertEquals(2, read.records().size(), read.rejected().toString());
        assertEquals("mixed", read.records().get(1).family());
        assertEquals("rfl", read.records().get(1).referenceProof());
        List<String> rejected = read.rejected();
        assertEquals(8, rejected.size(), rejected.toString());
        assertTrue(rejected.get(7).startsWith("mixed.jsonl:10: \"id\" ../escape may hold only"), rejected.get(7));
        assertTrue(rejected.get(0).startsWith("mixed.jsonl:2: not JSON"), rejected.get(0));
        assertTrue(rejected.get(1).contains("not a JSON object"));
        assertTrue(rejected.get(2).contains("no \"statement\""));
        assertTrue(rejected.get(3).contains("declares no theorem"), rejected.get(3));
        assertTrue(rejected.get(4).contains("provable or false_control"));
        assertTrue(rejected.get(5).contains("the record was changed"));
        assertTrue(rejected.get(6).contains("duplicate"));
    }

    private static Dataset dataset(String version, int n) {
        List<ProblemRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(ProblemRecord.generated("demo", List.of("Init"), "",
                    "theorem " + ProblemRecord.NAME_SLOT + " (n : Nat) : n + " + i + " = " + i + " + n",
                    "Adding " + i + " commutes.", "Nat.add_comm n " + i, Expected.provable, 1, Map.of("k", i)));
        }
        return new Dataset("demo", version, Map.of("generator", "test"), 1L, records);
    }
}
