package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.check.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanProblemFilesTest {
    @Test
    void headerInformalPreambleAndStatementComeApart() {
        Problem p = LeanProblemFiles.parse("p", "import Init\nimport Std.Data\n/-! Informal *text*. -/\n"
                + "def f (n : Nat) := n\n-- proofline: statement\ntheorem t (n : Nat) : f n = n := by\n  sorry\n");
        assertEquals(List.of("Init", "Std.Data"), p.header());
        assertEquals("Informal *text*.", p.informal());
        assertEquals("def f (n : Nat) := n", p.preamble());
        assertEquals("theorem t (n : Nat) : f n = n", p.statement());
    }

    @Test
    void aFileWithoutMarkerOrSorryIsRefusedWithTheReason() {
        var noMarker = assertThrows(IllegalArgumentException.class, () -> LeanProblemFiles.parse("p", "theorem t : True := trivial"));
        assertTrue(noMarker.getMessage().contains("proofline: statement"));
        var proved = assertThrows(IllegalArgumentException.class,
                () -> LeanProblemFiles.parse("p", "-- proofline: statement\ntheorem t : True := trivial"));
        assertTrue(proved.getMessage().contains("sorry"));
    }

    @Test
    void aDatasetDirectoryIsReadFromItsProblemsJsonl() throws IOException {
        ProblemSet set = ProblemSet.read(Path.of("..", "problems", "mutate"));
        assertEquals(120, set.byId().size());
        assertEquals(List.of(), set.rejectedLines());
        // the records' family is their tag, for the report's breakdown by tag
        set.byId().values().forEach(p -> assertEquals(List.of("mutate"), p.tags(), p.id()));
    }

    @Test
    void theShippedDirectoryReadsWithItsBadFileReported() throws IOException {
        ProblemSet set = ProblemSet.read(Path.of("..", "problems", "samples", "lean-files"));
        assertEquals(List.of("add_comm", "sum_to"), List.copyOf(set.byId().keySet()));
        assertEquals(1, set.rejectedLines().size());
        assertTrue(set.rejectedLines().get(0).contains("no_marker.lean"), set.rejectedLines().toString());
    }
}
