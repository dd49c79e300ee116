package dev.proofline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proofline.batch.Summary;
import dev.proofline.check.Problem;
import dev.proofline.check.Verdict;
import dev.proofline.check.Verdict.Kind;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Opens the HTML report of {@link #BATCH} in headless Chromium and counts what the browser
     * built: bars and points per chart, and no element made from the batch's hostile text. The page and a
     * screenshot are left in {@code target/check-report-browser/} to look at. Skipped without Chromium
     * ({@code apt-get install chromium}); CI installs it.
     */
    @Nested
    class InChromium {
        static final Path OUT = Path.of("target", "check-report-browser");
        static final String FILL = "#4878a8";

        static Path chromium;
        static String dom;

        @BeforeAll
        static void render(@TempDir Path tmp) throws Exception {
            chromium = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map(dir -> Path.of(dir, "chromium")).filter(Files::isExecutable).findFirst().orElse(null);
            if (chromium == null) {
                return;
            }
            Files.createDirectories(OUT);
            Path page = OUT.resolve("report.html").toAbsolutePath();
            BATCH_REPORT.write(page);
            dom = run(tmp.resolve("dom"), "--dump-dom", page.toUri().toString());
            run(tmp.resolve("shot"), "--screenshot=" + OUT.resolve("report.png").toAbsolutePath(),
                    "--window-size=1000,3200", "--hide-scrollbars", page.toUri().toString());
        }

        /** In {@code @BeforeEach}, not {@code @BeforeAll}, so that each test is reported skipped with the reason. */
        @BeforeEach
        void needsChromium() {
            assumeTrue(chromium != null, "chromium is not on the PATH (Debian: apt-get install chromium), "
                    + "so the report is not checked in a browser");
        }

        /** Runs Chromium headless with a fresh profile in {@code dir} and nothing in the background that reaches the network. */
        static String run(Path dir, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                    // a container's /dev/shm is often too small for Chromium
                    "--disable-dev-shm-usage"));
            command.addAll(List.of(args));
            Files.createDirectories(dir);
            Path stdout = dir.resolve("stdout");
            Path stderr = dir.resolve("stderr");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 120 s: " + Files.readString(stderr));
            }
            assertEquals(0, p.exitValue(), () -> "chromium failed: " + readOrEmpty(stderr));
            return Files.readString(stdout);
        }

        static String readOrEmpty(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        /** The serialised element {@code <svg ... id="id" ...>…</svg>} of the rendered page. */
        static String svg(String id) {
            Matcher m = Pattern.compile("<svg[^>]* id=\"" + Pattern.quote(id) + "\"[^>]*>.*?</svg>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), () -> "no svg#" + id + " in\n" + dom);
            return m.group();
        }

        static int count(String text, String part) {
            return text.split(Pattern.quote(part), -1).length - 1;
        }

        @Test
        void everyChartHasABarOrPointPerValue() {
            // accepted, rejected, timeout, crashed, invalid
            assertEquals(5, count(svg("verdicts"), "<rect class=\"bar\""));
            // lean-error, sorry, axioms, timeout, policy, kernel, <b …>k</b>, unknown-problem
            assertEquals(8, count(svg("reasons"), "<rect class=\"bar\""));
            // 5 ms to 20 s: 5, 10, 20, 50, 100, 200, 500 ms, 1, 2, 5, 10, 20 s
            assertEquals(11, count(svg("check-times"), "<rect class=\"bar\""));
            // (no tag), <i>x</i>, arith, hard, logic
            assertEquals(5, count(svg("by-tag"), "<rect class=\"bar\""));
            // k = 1 … 4; "odd" has 1 candidate, so k = 2, 3, 4 exceed its n and are hollow
            String passAtK = svg("pass-at-k");
            assertEquals(4, count(passAtK, "<circle class=\"point\""));
            assertEquals(3, count(passAtK, "fill=\"#fff\""));
        }

        @Test
        void theHistogramsBarsAreTheCountsOfTheirBins() {
            List<Double> heights = new ArrayList<>();
            Matcher m = Pattern.compile("<rect class=\"bar\"[^>]* height=\"([0-9.]+)\"").matcher(svg("check-times"));
            while (m.find()) {
                heights.add(Double.parseDouble(m.group(1)));
            }
            // counts 2, 1, 1, 1, 1, 1, 2, 0, 1, 0, 1: the tallest bins are the two with 2
            List<Double> expected = Stream.of(2, 1, 1, 1, 1, 1, 2, 0, 1, 0, 1).map(c -> 160.0 * c / 2).toList();
            assertEquals(expected, heights);
        }

        @Test
        void theBatchsTextMakesNoElement() {
            for (String tag : List.of("<script", "<img", "<a ", "<b ", "<i>")) {
                assertFalse(dom.contains(tag), tag + " in the rendered page\n" + dom);
            }
            assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), dom);
            assertEquals(5, count(dom, "<svg "), "one svg per chart, none closed or opened by the text");
        }

        @Test
        void theScreenshotShowsTheBars() throws IOException {
            BufferedImage shot = ImageIO.read(OUT.resolve("report.png").toFile());
            int bar = Integer.parseInt(FILL.substring(1), 16);
            long barPixels = 0;
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    if ((shot.getRGB(x, y) & 0xffffff) == bar) {
                        barPixels++;
                    }
                }
            }
            // the verdict chart alone: the rejected bar is about 560 × 16 pixels
            assertTrue(barPixels > 20_000, "only " + barPixels + " pixels of the bars' colour");
        }
    }
}
