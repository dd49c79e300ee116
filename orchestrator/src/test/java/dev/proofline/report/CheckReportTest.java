package dev.proofline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.batch.Summary;
import dev.proofline.check.Problem;
import dev.proofline.check.Verdict;
import dev.proofline.check.Verdict.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    static final List<Verdict> VERDICTS = List.of(
            new Verdict("p", "p#0", Kind.accepted, List.of(), List.of(), List.of(), 40),
            new Verdict("p", "p#1", Kind.rejected, List.of("lean-error: 2:3 unknown | identifier <x>"),
                    List.of(), List.of(), 900));
    static final CheckReport REPORT = new CheckReport(Summary.of(VERDICTS, Set.of("p")), VERDICTS, Map.of());

    /** Hostile text where proof text, ids, reasons and tags reach the report. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(2)>";
    static final String LINKS = "policy: </svg><script>alert(3)</script> [link](javascript:alert(4)) "
            + "![i](http://example.invalid/x.png) &#60;script&#62; <a href=x>a</a>";
    static final String BOLD_REASON = "<b onmouseover=alert(5)>k</b>";
    static final String ITALIC_TAG = "<i>x</i>";

    /**
     * A batch whose charts are counted in the tests: 4 problems with 4, 4, 2 and 1 candidates (so pass@k has
     * 4 points, the last 3 hollow: k > 1 = n for "odd"), 8 reason kinds, check times in 11 bins from 5 ms to
     * 20 s, tags arith, hard, logic, {@value #ITALIC_TAG} and an untagged problem (5 bars); and hostile text.
     */
    static final List<Verdict> BATCH = List.of(
            v("add", "add#0", Kind.accepted, 40),
            v("add", "add#1", Kind.rejected, 900, "lean-error: unknown identifier"),
            v("add", "add#2", Kind.rejected, 15, "sorry: the proof uses sorry"),
            v("add", "add#3", Kind.accepted, 130),
            v("mul", "mul#0", Kind.rejected, 2500, "axioms: uses Classical.choice outside the allow-list"),
            v("mul", "mul#1", Kind.timeout, 10000, "timeout: over 10 s"),
            v("mul", "mul#2", Kind.accepted, 700),
            v("mul", IMG, Kind.rejected, 55, LINKS),
            v("swap", "swap#0", Kind.accepted, 8),
            v("swap", "swap#1", Kind.rejected, 300, "kernel: declaration has metavariables", BOLD_REASON + ": x"),
            v("odd", "odd#0", Kind.crashed, 5),
            Verdict.invalid(SCRIPT, "c", "unknown-problem: '" + SCRIPT + "' (line 12)"));
    static final Map<String, Problem> PROBLEMS = Map.of(
            "add", problem("add", "arith"),
            "mul", problem("mul", "arith", "hard"),
            "swap", problem("swap", "logic", ITALIC_TAG),
            "odd", problem("odd"));
    static final CheckReport BATCH_REPORT = new CheckReport(Summary.of(BATCH, PROBLEMS.keySet()), BATCH, PROBLEMS);

    static Verdict v(String problem, String candidate, Kind kind, long ms, String... reasons) {
        return new Verdict(problem, candidate, kind, List.of(reasons), List.of(), List.of(), ms);
    }

    static Problem problem(String id, String... tags) {
        return new Problem(id, List.of(), "", "theorem " + id + " : True", null, List.of(tags));
    }

    @Test
    void markdownHasTheSummaryPassAtKSlowestAndFailingWithLeansError() {
        String md = REPORT.markdown();
        assertTrue(md.contains("| accepted | 1 |"), md);
        assertTrue(md.contains("| p | 2 | 1 | 0.500 | 1.000 |"), md);
        assertTrue(md.contains("## Slowest candidates\n\n| problem | candidate | verdict | ms |\n|---|---|---|---:|\n| p | p#1 | rejected | 900 |"), md);
        assertTrue(md.contains("lean-error: 2:3 unknown \\| identifier &lt;x&gt;"), md);
    }

    @Test
    void theVerdictAndReasonTablesEachHaveAHeading() {
        String md = REPORT.markdown();
        int verdicts = md.indexOf("## Verdicts\n\n| verdict | candidates |");
        int reasons = md.indexOf("## Rejection reasons\n");
        assertTrue(verdicts >= 0 && reasons > verdicts, md);
        assertTrue(md.indexOf("| reason | candidates |") > reasons, md);
        String html = REPORT.html();
        assertTrue(html.indexOf("<h2>Rejection reasons</h2>") > html.indexOf("<h2>Verdicts</h2>"), html);
    }

    @Test
    void htmlHasTheTablesAndAChartPerCount() {
        String html = REPORT.html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("unknown | identifier &lt;x&gt;"), html);
        for (String id : List.of("verdicts", "reasons", "pass-at-k", "check-times")) {
            assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\""), id);
        }
        assertFalse(html.contains("id=\"by-tag\""), "no problem has a tag, so there is no breakdown by tag");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "nothing to fetch");
    }

    @Test
    void passAtKIsLabelledMinKNWhereAProblemHasFewerThanKCandidates() {
        String md = BATCH_REPORT.markdown();
        assertTrue(md.contains("| problem | candidates | accepted | pass@1 | pass@min(4, n) |"), md);
        // odd: 1 candidate, none accepted; its pass@min(4, 1) is pass@1 = 0
        assertTrue(md.contains("| odd | 1 | 0 | 0.000 | 0.000 |"), md);
        assertTrue(md.contains("**pass@min(4, n) 0.750**"), md);
        assertTrue(md.contains("fewer than 4 for 2 of them"), md);
        assertTrue(md.contains("| 2 (k > n for some) |"), md);
        // with as many candidates for every problem, pass@k is pass@k
        assertTrue(REPORT.markdown().contains("| problem | candidates | accepted | pass@1 | pass@2 |"));
        assertTrue(REPORT.markdown().contains("**pass@2 1.000** (unbiased estimator)."));
    }

    @Test
    void meanPassAtKIsTheUnbiasedEstimatorAveragedWithPassAtNWhereKExceedsN() {
        // a: n = 4, c = 1; b: n = 2, c = 1
        List<Summary.Samples> ab = List.of(new Summary.Samples(4, 1, 0, 0), new Summary.Samples(2, 1, 0, 0));
        assertEquals((0.25 + 0.5) / 2, CheckReport.meanPassAt(ab, 1), 1e-12);
        // a: 1 - C(3,2)/C(4,2) = 1 - 3/6; b: 1 - C(1,2)/C(2,2) = 1
        assertEquals((0.5 + 1) / 2, CheckReport.meanPassAt(ab, 2), 1e-12);
        // a: 1 - C(3,3)/C(4,3) = 3/4; b: k = 3 > n = 2, pass@2 = 1
        assertEquals((0.75 + 1) / 2, CheckReport.meanPassAt(ab, 3), 1e-12);
        assertEquals(1.0, CheckReport.meanPassAt(ab, 4), 1e-12);
        // 1 - C(3,2)/C(5,2) = 1 - 3/10; 1 - C(8,5)/C(10,5) = 1 - 56/252
        assertEquals(0.7, CheckReport.meanPassAt(List.of(new Summary.Samples(5, 2, 0, 0)), 2), 1e-12);
        assertEquals(1 - 56.0 / 252, CheckReport.meanPassAt(List.of(new Summary.Samples(10, 2, 0, 0)), 5), 1e-12);
        assertEquals(0.0, CheckReport.meanPassAt(List.of(new Summary.Samples(6, 0, 0, 0)), 3), 1e-12);
        // the batch: add (4, 2), mul (4, 1), swap (2, 1), odd (1, 0) at k = 2:
        // add 1 - C(2,2)/C(4,2) = 5/6, mul 1 - C(3,2)/C(4,2) = 1/2, swap 1, odd pass@1 = 0
        assertEquals((5.0 / 6 + 0.5 + 1 + 0) / 4,
                CheckReport.meanPassAt(Summary.of(BATCH, PROBLEMS.keySet()).perProblem().values(), 2), 1e-12);
    }

    @Test
    void theChartShowsEveryKUpToSixteenThenPowersOfTwo() {
        assertEquals(List.of(1), CheckReport.ks(1));
        assertEquals(List.of(1, 2, 3, 4), CheckReport.ks(4));
        assertEquals(16, CheckReport.ks(16).size());
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 100), CheckReport.ks(100));
        assertEquals(List.of(1, 2, 4, 8, 16, 32), CheckReport.ks(32));
    }

    @Test
    void checkTimeBinsGrowInStepsOfOneTwoFive() {
        assertEquals(List.of(5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L, 10000L, 20000L),
                CheckReport.timeEdges(5, 10000));
        assertEquals(List.of(100L, 200L), CheckReport.timeEdges(120, 130));
        assertEquals(List.of(0L, 1L, 2L, 5L), CheckReport.timeEdges(0, 2));
        assertEquals(List.of(0L, 1L, 2L), CheckReport.timeEdges(0, 0));
    }

    @Test
    void theBreakdownIsByTagWithUntaggedProblemsApart() {
        String md = BATCH_REPORT.markdown();
        assertTrue(md.contains("| tag | problems | candidates | accepted | pass@1 | pass@min(4, n) |"), md);
        // arith: add (4 candidates, 2 accepted), mul (4, 1): pass@1 (0.5 + 0.25) / 2
        assertTrue(md.contains("| arith | 2 | 8 | 3 | 0.375 |"), md);
        assertTrue(md.contains("| (no tag) | 1 | 1 | 0 | 0.000 |"), md);
    }

    @Test
    void noTextFromTheBatchBecomesMarkupOrALink() {
        String html = BATCH_REPORT.html();
        for (String tag : List.of("<script", "<img", "<a ", "<b ", "<i>", "href=\"", "src=\"")) {
            assertFalse(html.contains(tag), tag + " in\n" + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;/svg&gt;&lt;script&gt;alert(3)"), html);
        // the entity in the proof text is shown as written, not decoded into a tag
        assertTrue(html.contains("&amp;#60;script&amp;#62;"), html);
        assertTrue(html.contains("[link](javascript:alert(4))"), html);
        assertTrue(html.contains("&lt;b onmouseover=alert(5)&gt;k&lt;/b&gt;"), html);
        assertTrue(html.contains("&lt;i&gt;x&lt;/i&gt;"), html);
    }
}
