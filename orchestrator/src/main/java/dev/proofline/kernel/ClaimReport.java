package dev.proofline.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What `proofline kernel verify` found for one kernel, section by section; failed when any checked part failed. */
public final class ClaimReport {
    private final String kernel;
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    ClaimReport(String kernel) {
        this.kernel = kernel;
    }

    void section(String title) {
        lines.add("");
        lines.add("## " + title);
    }

    void line(String text) {
        lines.add(text);
    }

    void fail(String text) {
        failed = true;
        lines.add(text);
    }

    public boolean failed() {
        return failed;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public void print(PrintStream out) {
        out.println("# kernel " + kernel + ": " + (failed ? "FAILED" : "verified"));
        lines.forEach(out::println);
    }
}
