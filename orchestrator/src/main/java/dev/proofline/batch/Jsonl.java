package dev.proofline.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines: each line is parsed on its own, so one bad line costs only itself. */
public final class Jsonl {
    /** Text after a line's object is an error: {@code {"id": 1} {"id": 2}} is not one record. */
    public static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One line of the file: its number, and the parsed object or why it is not one. */
    public record Line(Path file, int number, JsonNode node, String error) {
        public String where() {
            return file.getFileName() + ":" + number;
        }
    }

    private Jsonl() {}

    /**
     * The longest line read, in bytes: room for a candidate or a problem's text at its limit
     * ({@link dev.proofline.check.Candidate#MAX_CHARS}, {@link dev.proofline.check.Problem#MAX_CHARS}) even with every
     * character escaped. A longer line is a bad line, skipped without being held in memory.
     */
    public static final int MAX_LINE_BYTES = 8 << 20;

    /** Lines end with {@code \n} or {@code \r\n}; blank lines are skipped but counted. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long length = 0;
            int n = 0;
            for (int read; (read = in.read(chunk)) != -1; ) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        length = keep(line, length, chunk, start, i - start);
                        parse(file, ++n, line, length, lines);
                        line.reset();
                        length = 0;
                        start = i + 1;
                    }
                }
                length = keep(line, length, chunk, start, read - start);
            }
            if (length > 0) {
                parse(file, ++n, line, length, lines);
            }
        }
        return lines;
    }

    /** Appends while the line is within the limit; past it only its length is counted. */
    private static long keep(ByteArrayOutputStream line, long length, byte[] chunk, int from, int count) {
        if (length + count <= MAX_LINE_BYTES) {
            line.write(chunk, from, count);
        }
        return length + count;
    }

    private static void parse(Path file, int n, ByteArrayOutputStream bytes, long length, List<Line> lines) {
        if (length > MAX_LINE_BYTES) {
            lines.add(new Line(file, n, null, "the line is " + length + " bytes, over the limit of " + MAX_LINE_BYTES));
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            lines.add(new Line(file, n, null, "not UTF-8 text"));
            return;
        }
        if (text.isBlank()) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(text);
            lines.add(node != null && node.isObject() ? new Line(file, n, node, null)
                    : new Line(file, n, null, "not a JSON object"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            lines.add(new Line(file, n, null, "not JSON: " + e.getOriginalMessage()));
        }
    }

    /** A field as text (non-text values as JSON); {@code null} when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    /** A field that is an object of Lean options: name to true, false, a natural number or a string. */
    public static java.util.Map<String, Object> options(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.Map.of();
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an object of Lean options, e.g. {\"autoImplicit\": false}");
        }
        java.util.Map<String, Object> options = new java.util.TreeMap<>();
        v.fields().forEachRemaining(e -> options.put(e.getKey(), switch (e.getValue().getNodeType()) {
            case BOOLEAN -> e.getValue().asBoolean();
            case NUMBER -> e.getValue().canConvertToLong() && e.getValue().asLong() >= 0 ? (Object) e.getValue().asLong() : e.getValue();
            case STRING -> e.getValue().asText();
            default -> e.getValue();
        }));
        return options;
    }

    /** A field that is a list of strings or one string. */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (v != null && v.isTextual()) {
            out.add(v.asText());
        }
        return out;
    }
}
