package dev.proofline.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Upstream's read-eval-print loop on streams: requests separated by blank lines (each may span lines),
 * those starting with {@code #} or {@code --} skipped, each reply printed as upstream prints it and followed
 * by a blank line. Unlike upstream, a request that is not JSON gets an error reply and the loop goes on.
 */
public final class ReplLoop {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplLoop() {}

    /** Answers requests from {@code in} on {@code out} until {@code in} ends. */
    public static void run(CommunityRepl repl, InputStream in, PrintStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            String query = nextQuery(reader);
            if (query == null) {
                return;
            }
            if (query.isBlank() || query.startsWith("#") || query.startsWith("--")) {
                continue;
            }
            JsonNode reply;
            try {
                reply = repl.handle(JSON.readTree(query));
            } catch (JsonProcessingException e) {
                reply = ReplReplies.error("Could not parse JSON:\n" + e.getOriginalMessage());
            } catch (RuntimeException e) {
                // a bug of Proofline's: the session goes on, the request gets a reply that says so
                e.printStackTrace();
                reply = ReplReplies.error("internal error: " + e);
            }
            out.print(LeanJson.pretty(reply) + "\n\n");
            out.flush();
        }
    }

    /** The lines up to the next blank one, joined; {@code null} at the end of the input. */
    private static String nextQuery(BufferedReader reader) throws IOException {
        StringBuilder query = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                return query.toString();
            }
            query.append(line.stripTrailing());
        }
        return query.length() == 0 ? null : query.toString();
    }
}
