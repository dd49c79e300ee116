package dev.proofline.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Replies printed as Lean's {@code Json.pretty} prints them (width 80). */
class LeanJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortObjectIsOneLineWithItsKeysInDescendingOrder() throws Exception {
        assertEquals("{\"proofStatus\": \"Completed\", \"proofState\": 4, \"goals\": []}",
                LeanJson.pretty(JSON.readTree("{\"goals\": [], \"proofState\": 4, \"proofStatus\": \"Completed\"}")));
    }

    @Test
    void aLongObjectBreaksOneItemALineIndentedUnderItsBracket() throws Exception {
        String json = "{\"env\": 3, \"messages\": [{\"severity\": \"error\", \"pos\": {\"line\": 2, \"column\": 10}, "
                + "\"endPos\": {\"line\": 2, \"column\": 14}, \"data\": \"unknown identifier 'oops'\"}]}";
        assertEquals("""
                {"messages":
                 [{"severity": "error",
                   "pos": {"line": 2, "column": 10},
                   "endPos": {"line": 2, "column": 14},
                   "data": "unknown identifier 'oops'"}],
                 "env": 3}""", LeanJson.pretty(JSON.readTree(json)));
    }

    @Test
    void stringsAreEscapedAsLeanEscapesThem() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\u0009f ⊢\"", LeanJson.string("a\"b\\c\nd\re\tf ⊢"));
    }
}
