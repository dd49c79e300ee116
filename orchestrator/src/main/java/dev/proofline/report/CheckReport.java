package dev.proofline.report;

import dev.proofline.batch.Summary;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A readable report of a batch check: the summary, pass@k per problem, the slowest candidates and every
 * failing one with its first reason (for a Lean error, Lean's first message). Written as Markdown, or as
 * HTML rendered from that same Markdown.
 */
public final class CheckReport {
    /** Beyond this many failing candidates the report names how many more the results file holds. */
    static final int MAX_FAILING = 500;
    static final int SLOWEST = 10;

    private final Summary summary;
    private final List<Verdict> verdicts;

    public CheckReport(Summary summary, List<Verdict> verdicts) {
        this.summary = summary;
        this.verdicts = List.copyOf(verdicts);
    }

    /** Writes Markdown, or HTML when {@code out} ends with {@code .html}/{@code .htm}. */
    public void write(Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".html") || name.endsWith(".htm") ? html() : markdown();
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Proofline check report\n\n");
        md.append("| verdict | candidates |\n|---|---:|\n");
        summary.verdicts().forEach((kind, n) -> md.append("| ").append(kind).append(" | ").append(n).append(" |\n"));
        if (!summary.reasons().isEmpty()) {
            md.append("\n| reason | candidates |\n|---|---:|\n");
            summary.reasons().forEach((r, n) -> md.append("| ").append(cell(r)).append(" | ").append(n).append(" |\n"));
        }
        md.append(String.format(Locale.ROOT, "%nOver %d problems: **pass@1 %.3f**, **pass@%d %.3f** (unbiased estimator).%n",
                summary.perProblem().size(), summary.passAt1(), summary.maxSamples(), summary.passAtK()));

        md.append("\n## Per problem\n\n| problem | candidates | accepted | pass@1 | pass@")
                .append(summary.maxSamples()).append(" |\n|---|---:|---:|---:|---:|\n");
        summary.perProblem().forEach((id, s) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n",
                cell(id), s.n(), s.accepted(), s.passAt1(), s.passAtK())));

        md.append("\n## Slowest candidates\n\n| problem | candidate | verdict | ms |\n|---|---|---|---:|\n");
        verdicts.stream().sorted(Comparator.comparingLong(Verdict::ms).reversed()).limit(SLOWEST)
                .forEach(v -> md.append(row(v.problem(), v.candidate(), v.verdict().name(), Long.toString(v.ms()))));

        List<Verdict> failing = verdicts.stream().filter(v -> v.verdict() != Verdict.Kind.accepted)
                .sorted(Comparator.comparing(Verdict::problem).thenComparing(Verdict::candidate)).toList();
        md.append("\n## Failing candidates\n\n");
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
        return md.toString();
    }

    public String html() {
        List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
        String body = HtmlRenderer.builder().extensions(ext).escapeHtml(true).build()
                .render(Parser.builder().extensions(ext).build().parse(markdown()));
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Proofline check report</title>\n"
                + "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style>\n"
                + "</head><body>\n" + body + "</body></html>\n";
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("|");
        for (String c : cells) {
            r.append(' ').append(cell(c)).append(" |");
        }
        return r.append('\n').toString();
    }

    /** One table cell: Markdown's table and inline syntax characters escaped, one line. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("*", "\\*")
                .replace("_", "\\_").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ⏎ ");
    }
}
