package dev.proofline.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG: no script, nothing fetched when the page is viewed, every text escaped.
 * Each bar is a {@code rect class="bar"} and each point a {@code circle class="point"}, each with a
 * {@code <title>} giving its exact value on hover.
 */
final class SvgChart {
    static final int WIDTH = 640;
    private static final String FILL = "#4878a8";
    private static final String GRID = "#ddd";
    /** Longer bar labels are cut with an ellipsis; the bar's hover title keeps the whole label. */
    private static final int MAX_LABEL = 32;

    private SvgChart() {}

    /** Horizontal bars, one per entry, each scaled to {@code max} and followed by its value. */
    static String bars(String id, String description, Map<String, ? extends Number> data, double max) {
        int longest = data.keySet().stream().mapToInt(l -> Math.min(l.length(), MAX_LABEL)).max().orElse(0);
        int left = 12 + 7 * longest;
        int row = 22;
        double scale = (WIDTH - left - 70) / (max > 0 ? max : 1);
        StringBuilder svg = open(id, description, data.size() * row + 8);
        int y = 4;
        for (Map.Entry<String, ? extends Number> e : data.entrySet()) {
            String label = e.getKey();
            String value = number(e.getValue());
            double w = e.getValue().doubleValue() * scale;
            svg.append(text(left - 6, y + 15, "end", label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label))
                    .append(rect(left, y + 3, w, 16, label + ": " + value))
                    .append(text(left + w + 4, y + 15, "start", value));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Columns side by side, a histogram: column i counts the values from {@code edges[i]} to {@code edges[i+1]},
     * whose labels stand at the columns' borders.
     */
    static String histogram(String id, String description, List<String> edges, List<Long> counts, String axis) {
        int left = 20;
        int top = 16;
        int height = 160;
        double width = (WIDTH - 2.0 * left) / counts.size();
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = open(id, description, top + height + 44);
        for (int i = 0; i < counts.size(); i++) {
            double h = max == 0 ? 0 : (double) height * counts.get(i) / max;
            double x = left + i * width;
            svg.append(rect(x + 1, top + height - h, width - 2, h,
                    edges.get(i) + " – " + edges.get(i + 1) + ": " + counts.get(i)));
            if (counts.get(i) > 0) {
                svg.append(text(x + width / 2, top + height - h - 4, "middle", Long.toString(counts.get(i))));
            }
        }
        svg.append(line(left, top + height, WIDTH - left, top + height, "#888"));
        for (int i = 0; i < edges.size(); i++) {
            svg.append(text(left + i * width, top + height + 14, "middle", edges.get(i)));
        }
        return svg.append(text(WIDTH / 2.0, top + height + 36, "middle", axis)).append("</svg>").toString();
    }

    /**
     * Values from 0 to 1 as points joined by a line, spaced evenly and labelled {@code xs} below; a point
     * whose {@code hollow} is true is drawn as a ring (what that means, the caption says).
     */
    static String points(String id, String description, List<String> xs, List<Double> ys, List<Boolean> hollow,
                         String xAxis, String yAxis) {
        int left = 56;
        int top = 12;
        int height = 200;
        double width = WIDTH - left - 24;
        StringBuilder svg = open(id, description, top + height + 44);
        for (int i = 0; i <= 4; i++) {
            double y = top + height - height * i / 4.0;
            svg.append(line(left, y, left + width, y, GRID))
                    .append(text(left - 6, y + 4, "end", String.format(Locale.ROOT, "%.2f", i / 4.0)));
        }
        double[][] at = new double[xs.size()][];
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.size() == 1 ? left + width / 2 : left + width * i / (xs.size() - 1);
            at[i] = new double[] {x, top + height - height * ys.get(i)};
            path.append(i == 0 ? "" : " ").append(num(at[i][0])).append(',').append(num(at[i][1]));
            svg.append(text(x, top + height + 16, "middle", xs.get(i)));
        }
        svg.append("<polyline points=\"").append(path).append("\" fill=\"none\" stroke=\"").append(FILL).append("\"/>");
        for (int i = 0; i < xs.size(); i++) {
            svg.append("<circle class=\"point\" cx=\"").append(num(at[i][0])).append("\" cy=\"").append(num(at[i][1]))
                    .append("\" r=\"4\" stroke=\"").append(FILL).append("\" fill=\"").append(hollow.get(i) ? "#fff" : FILL)
                    .append("\"><title>").append(escape(xAxis + " " + xs.get(i) + ": " + number(ys.get(i))))
                    .append("</title></circle>");
        }
        svg.append(text(left + width / 2, top + height + 38, "middle", xAxis));
        svg.append("<text transform=\"translate(14 ").append(num(top + height / 2.0)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(escape(yAxis)).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** Text for HTML or SVG: the five characters that could start or end markup as entities. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static StringBuilder open(String id, String description, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id))
                .append("\" role=\"img\" aria-label=\"").append(escape(description)).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">");
    }

    private static String rect(double x, double y, double w, double h, String title) {
        return "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" fill=\"" + FILL + "\"><title>" + escape(title) + "</title></rect>";
    }

    private static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + escape(s) + "</text>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + stroke + "\"/>";
    }

    /** Whole numbers as they are, fractions with three decimals. */
    private static String number(Number n) {
        return n instanceof Double || n instanceof Float ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : n.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
