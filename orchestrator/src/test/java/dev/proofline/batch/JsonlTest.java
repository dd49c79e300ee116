package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {
    @Test
    void textAfterALinesObjectMakesTheLineBad(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("c.jsonl");
        Files.writeString(file, "{\"problem\": \"a\", \"proof\": \"rfl\"}\n{\"problem\": \"b\"} {\"problem\": \"c\"}\n");
        List<Jsonl.Line> lines = Jsonl.read(file);
        assertNull(lines.get(0).error());
        assertTrue(lines.get(1).error() != null && lines.get(1).error().startsWith("not JSON"), String.valueOf(lines.get(1)));
        assertEquals("c.jsonl:2", lines.get(1).where());
    }
}
