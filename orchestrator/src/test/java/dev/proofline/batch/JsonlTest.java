package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    @Test
    void aLineOverTheLimitIsOneBadLineAndTheRestIsRead(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("c.jsonl");
        byte[] huge = new byte[Jsonl.MAX_LINE_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        try (var out = Files.newOutputStream(file)) {
            out.write("{\"problem\": \"a\", \"proof\": \"rfl\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(huge);
            out.write("\n{\"problem\": \"b\", \"proof\": \"rfl\"}\r\n\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        }
        List<Jsonl.Line> lines = Jsonl.read(file);
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("the line is " + huge.length + " bytes, over the limit of " + Jsonl.MAX_LINE_BYTES, lines.get(1).error());
        assertEquals(2, lines.get(1).number());
        assertEquals("b", lines.get(2).node().path("problem").asText());
        assertEquals(3, lines.get(2).number());
        // the last line has no newline and is not UTF-8
        assertEquals("not UTF-8 text", lines.get(3).error());
        assertEquals(5, lines.get(3).number());
    }
}
