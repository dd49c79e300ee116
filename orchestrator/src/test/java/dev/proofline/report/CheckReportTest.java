package dev.proofline.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.batch.Summary;
import dev.proofline.check.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    static final List<Verdict> VERDICTS = List.of(
            new Verdict("p", "p#0", Verdict.Kind.accepted, List.of(), List.of(), List.of(), 40),
            new Verdict("p", "p#1", Verdict.Kind.rejected, List.of("lean-error: 2:3 unknown | identifier <x>"),
                    List.of(), List.of(), 900));
    static final CheckReport REPORT = new CheckReport(Summary.of(VERDICTS, Set.of("p")), VERDICTS);

    @Test
    void markdownHasTheSummaryPassAtKSlowestAndFailingWithLeansError() {
        String md = REPORT.markdown();
        assertTrue(md.contains("| accepted | 1 |"), md);
        assertTrue(md.contains("| p | 2 | 1 | 0.500 | 1.000 |"), md);
        assertTrue(md.contains("## Slowest candidates\n\n| problem | candidate | verdict | ms |\n|---|---|---|---:|\n| p | p#1 | rejected | 900 |"), md);
        assertTrue(md.contains("lean-error: 2:3 unknown \\| identifier &lt;x&gt;"), md);
    }

    @Test
    void htmlIsTheSameContentAsTables() {
        String html = REPORT.html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("unknown | identifier &lt;x&gt;"), html);
    }
}
