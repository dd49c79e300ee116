package dev.proofline.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Upstream's framing on real Lean: requests between blank lines, comments skipped, a bad request answered. */
class ReplLoopTest {
    @Test
    void requestsBetweenBlankLinesGetRepliesInLeansLayoutAndABadOneDoesNotEndTheSession() throws Exception {
        String input = """
                -- a comment line is skipped, as upstream skips it

                {"cmd":
                 "def f := 2"}

                {"cmd": oops}

                {"cmd": "example : f = 2 := rfl", "env": 0}
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommunityRepl repl = CommunityRepl.builder().build()) {
            ReplLoop.run(repl, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        String[] replies = out.toString(StandardCharsets.UTF_8).split("\n\n");
        assertEquals(3, replies.length, out.toString(StandardCharsets.UTF_8));
        assertEquals("{\"env\": 0}", replies[0]);
        assertTrue(replies[1].contains("\"message\"") && replies[1].contains("Could not parse JSON:"), replies[1]);
        assertEquals("{\"env\": 1}", replies[2]);
    }
}
