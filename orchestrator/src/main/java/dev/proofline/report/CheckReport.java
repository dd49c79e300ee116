package dev.proofline.report;

import dev.proofline.batch.Summary;
import dev.proofline.check.Problem;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A readable report of a batch check: the summary; verdicts, rejection reasons, pass@k against k, check
 * times and results by tag, each as a chart (in HTML) and a table; pass@k per problem; the slowest
 * candidates and every failing one with its first reason (for a Lean error, Lean's first message).
 * Written as Markdown, or as HTML rendered from that same Markdown with the charts as inline SVG.
 */
public final class CheckReport {
    /** Beyond this many failing candidates the report names how many more the results file holds. */
    static final int MAX_FAILING = 500;
    static final int SLOWEST = 10;
    /** Up to this many samples the pass@k chart has every k; beyond, the powers of two and the largest k. */
    static final int EVERY_K = 16;
    static final String NO_TAG = "(no tag)";

    private final Summary summary;
    private final List<Verdict> verdicts;
    private final Map<String, Problem> problems;

    /** {@code problems} gives the tags (a dataset's family) for the breakdown by tag. */
    public CheckReport(Summary summary, List<Verdict> verdicts, Map<String, Problem> problems) {
        this.summary = summary;
        this.verdicts = List.copyOf(verdicts);
        this.problems = Map.copyOf(problems);
    }

    /** Writes Markdown, or HTML when {@code out} ends with {@code .html}/{@code .htm}. */
    public void write(Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".html") || name.endsWith(".htm") ? html() : markdown();
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    /** A part of the report: a heading (none for the opening), Markdown, and for HTML a chart or null. */
    private record Section(String heading, String markdown, String chart) {}

    public String markdown() {
        StringBuilder md = new StringBuilder("# Proofline check report\n");
        for (Section s : sections()) {
            md.append('\n');
            if (s.heading() != null) {
                md.append("## ").append(s.heading()).append("\n\n");
            }
            md.append(s.markdown());
        }
        return md.toString();
    }

    public String html() {
        List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(ext).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(ext).escapeHtml(true).sanitizeUrls(true).build();
        StringBuilder body = new StringBuilder("<h1>Proofline check report</h1>\n");
        for (Section s : sections()) {
            if (s.heading() != null) {
                body.append("<h2>").append(SvgChart.escape(s.heading())).append("</h2>\n");
            }
            if (s.chart() != null) {
                body.append("<figure>").append(s.chart()).append("</figure>\n");
            }
            body.append(renderer.render(parser.parse(s.markdown())));
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Proofline check report</title>\n"
                + "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}h2{margin-top:2em}"
                + "figure{margin:1em 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style>\n"
                + "</head><body>\n" + body + "</body></html>\n";
    }

    private List<Section> sections() {
        int k = summary.maxSamples();
        long fewer = summary.perProblem().values().stream().filter(s -> s.n() < k).count();
        // Summary's pass@k of a problem with n < k samples is pass@n: the heading says so when that happens
        String passK = fewer == 0 ? "pass@" + k : "pass@min(" + k + ", n)";
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, summary.perProblem().isEmpty() ? "No candidate of a known problem was checked.\n"
                : String.format(Locale.ROOT, "Over %d problems: **pass@1 %.3f**, **%s %.3f** (unbiased estimator%s).%n",
                        summary.perProblem().size(), summary.passAt1(), passK, summary.passAtK(), fewer == 0 ? ""
                                : "; n is a problem's number of candidates, fewer than " + k + " for " + fewer + " of them"),
                null));

        Map<String, Long> kinds = new LinkedHashMap<>();
        summary.verdicts().forEach((kind, n) -> kinds.put(kind.name(), n));
        sections.add(new Section("Verdicts", table(List.of("verdict", "candidates"), "|---|---:|", kinds),
                SvgChart.bars("verdicts", "candidates by verdict", kinds, max(kinds.values()))));
        if (!summary.reasons().isEmpty()) {
            sections.add(new Section("Rejection reasons", "A reason is counted by its kind, the text before ':'; "
                    + "a candidate can have several.\n\n" + table(List.of("reason", "candidates"), "|---|---:|", summary.reasons()),
                    SvgChart.bars("reasons", "reasons by kind", summary.reasons(), max(summary.reasons().values()))));
        }
        if (k > 0) {
            sections.add(passAtKSection(k, passK));
        }
        timesSection().ifPresent(sections::add);
        tagSection(passK).ifPresent(sections::add);

        StringBuilder perProblem = new StringBuilder("| problem | candidates | accepted | pass@1 | " + passK
                + " |\n|---|---:|---:|---:|---:|\n");
        summary.perProblem().forEach((id, s) -> perProblem.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n",
                cell(id), s.n(), s.accepted(), s.passAt1(), s.passAtK())));
        sections.add(new Section("Per problem", perProblem.toString(), null));

        StringBuilder slowest = new StringBuilder("| problem | candidate | verdict | ms |\n|---|---|---|---:|\n");
        verdicts.stream().sorted(Comparator.comparingLong(Verdict::ms).reversed()).limit(SLOWEST)
                .forEach(v -> slowest.append(row(v.problem(), v.candidate(), v.verdict().name(), Long.toString(v.ms()))));
        sections.add(new Section("Slowest candidates", slowest.toString(), null));

        List<Verdict> failing = verdicts.stream().filter(v -> v.verdict() != Verdict.Kind.accepted)
                .sorted(Comparator.comparing(Verdict::problem).thenComparing(Verdict::candidate)).toList();
        StringBuilder md = new StringBuilder();
        if (failing.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| problem | candidate | verdict | first reason |\n|---|---|---|---|\n");
            failing.stream().limit(MAX_FAILING).forEach(v -> md.append(row(v.problem(), v.candidate(),
                    v.verdict().name(), v.reasons().isEmpty() ? "" : v.reasons().get(0))));
            if (failing.size() > MAX_FAILING) {
                md.append("\n").append(failing.size() - MAX_FAILING).append(" more are in the results file.\n");
            }
        }
        sections.add(new Section("Failing candidates", md.toString(), null));
        return sections;
    }

    /** pass@k for k up to the most candidates a problem has; hollow where some problem has fewer than k. */
    private Section passAtKSection(int max, String passK) {
        int fewest = summary.perProblem().values().stream().mapToInt(Summary.Samples::n).min().orElse(max);
        List<String> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Boolean> hollow = new ArrayList<>();
        StringBuilder md = new StringBuilder("The unbiased estimator 1 − C(n−c, k) / C(n, k) of a problem with n "
                + "candidates, c of them accepted, averaged over the problems.");
        if (fewest < max) {
            md.append(" For k > n a problem counts with pass@n, its every candidate tried: from k = ").append(fewest + 1)
                    .append(" on (hollow points), some problems have fewer than k candidates, and the value is "
                            + "not a true pass@k; at k = ").append(max).append(" it is the summary's ").append(passK).append('.');
        }
        if (max > EVERY_K) {
            md.append(" The points are k = 1, 2, 4, 8 … and ").append(max).append(", evenly spaced.");
        }
        md.append("\n\n| k | pass@k |\n|---:|---:|\n");
        for (int k : ks(max)) {
            double p = meanPassAt(summary.perProblem().values(), k);
            xs.add(Integer.toString(k));
            ys.add(p);
            hollow.add(k > fewest);
            md.append(String.format(Locale.ROOT, "| %d%s | %.3f |%n", k, k > fewest ? " (k > n for some)" : "", p));
        }
        return new Section("pass@k against k", md.toString(),
                SvgChart.points("pass-at-k", "pass@k against k", xs, ys, hollow, "k", "pass@k"));
    }

    /** The ks the pass@k chart shows: every k up to {@value #EVERY_K}, else powers of two and {@code max}. */
    static List<Integer> ks(int max) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k < max; k = max <= EVERY_K ? k + 1 : 2 * k) {
            ks.add(k);
        }
        ks.add(max);
        return ks;
    }

    /** The mean over problems of the unbiased pass@k estimate, pass@n for a problem with n < k candidates. */
    static double meanPassAt(Collection<Summary.Samples> problems, int k) {
        return problems.stream().mapToDouble(s -> Summary.passAtK(s.n(), s.accepted(), Math.min(k, s.n())))
                .average().orElse(0);
    }

    /** A histogram of check times, bins at 1, 2, 5, 10, 20, 50 … ms; invalid candidates never reached Lean. */
    private Optional<Section> timesSection() {
        List<Long> ms = verdicts.stream().filter(v -> v.verdict() != Verdict.Kind.invalid).map(Verdict::ms).toList();
        if (ms.isEmpty()) {
            return Optional.empty();
        }
        List<Long> edges = timeEdges(ms.stream().mapToLong(Long::longValue).min().orElseThrow(),
                ms.stream().mapToLong(Long::longValue).max().orElseThrow());
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            long from = edges.get(i);
            long to = edges.get(i + 1);
            counts.add(ms.stream().filter(t -> t >= from && t < to).count());
        }
        List<String> labels = edges.stream().map(CheckReport::duration).toList();
        StringBuilder md = new StringBuilder("Candidates Lean checked (invalid ones never reached it), by time; "
                + "the bins grow in steps of 1, 2, 5.\n\n| time | candidates |\n|---|---:|\n");
        for (int i = 0; i < counts.size(); i++) {
            md.append("| ").append(labels.get(i)).append(" – ").append(labels.get(i + 1)).append(" | ")
                    .append(counts.get(i)).append(" |\n");
        }
        return Optional.of(new Section("Check times", md.toString(),
                SvgChart.histogram("check-times", "check times", labels, counts, "check time (bins in steps of 1, 2, 5)")));
    }

    /** The edges 0 (if the fastest took under 1 ms), 1, 2, 5, 10, 20, 50 … ms around the times from fastest to slowest. */
    static List<Long> timeEdges(long fastest, long slowest) {
        List<Long> edges = new ArrayList<>(List.of(1L));
        for (long e = 1; e <= slowest || edges.size() < 2; edges.add(e)) {
            e = Long.toString(e).charAt(0) == '2' ? e / 2 * 5 : e * 2;
        }
        while (edges.get(1) <= fastest) {
            edges.remove(0);
        }
        if (fastest < 1) {
            edges.add(0, 0L);
        }
        return edges;
    }

    private static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : ms / 1000 + " s";
    }

    /**
     * pass@1 and pass@k by tag (a dataset's problems carry their family as tag); left out when no problem has
     * a tag. Problems carry no difficulty, so there is no breakdown by difficulty.
     */
    private Optional<Section> tagSection(String passK) {
        Map<String, List<Summary.Samples>> byTag = new TreeMap<>();
        summary.perProblem().forEach((id, s) -> {
            Problem p = problems.get(id);
            for (String tag : p == null || p.tags().isEmpty() ? List.of(NO_TAG) : p.tags()) {
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(s);
            }
        });
        if (byTag.isEmpty() || byTag.keySet().equals(Set.of(NO_TAG))) {
            return Optional.empty();
        }
        Map<String, Double> passAt1 = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("A problem with several tags counts under each.\n\n| tag | problems | candidates "
                + "| accepted | pass@1 | " + passK + " |\n|---|---:|---:|---:|---:|---:|\n");
        byTag.forEach((tag, list) -> {
            double p1 = list.stream().mapToDouble(Summary.Samples::passAt1).average().orElse(0);
            passAt1.put(tag, p1);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", cell(tag), list.size(),
                    list.stream().mapToInt(Summary.Samples::n).sum(), list.stream().mapToInt(Summary.Samples::accepted).sum(),
                    p1, list.stream().mapToDouble(Summary.Samples::passAtK).average().orElse(0)));
        });
        return Optional.of(new Section("By tag", md.toString(),
                SvgChart.bars("by-tag", "pass@1 by tag", passAt1, 1.0)));
    }

    private static double max(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String table(List<String> head, String rule, Map<String, Long> rows) {
        StringBuilder t = new StringBuilder(row(head.toArray(String[]::new))).append(rule).append('\n');
        rows.forEach((name, n) -> t.append(row(name, Long.toString(n))));
        return t.toString();
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("|");
        for (String c : cells) {
            r.append(' ').append(cell(c)).append(" |");
        }
        return r.append('\n').toString();
    }

    /**
     * One table cell, one line, shown as written: Markdown's table, inline, link and image syntax escaped,
     * and {@code &}, {@code <}, {@code >} as entities so no tag or entity in the text takes effect.
     */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("*", "\\*")
                .replace("_", "\\_").replace("[", "\\[").replace("]", "\\]").replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ⏎ ");
    }
}
