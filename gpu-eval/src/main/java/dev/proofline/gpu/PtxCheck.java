package dev.proofline.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the PTX that is timed may contain: exactly the one expected entry, and no {@code call}
 * instruction. Device-side launches (dynamic parallelism), {@code printf} and any other function all
 * need a call, so a measured launch cannot start work outside the measured region.
 */
public final class PtxCheck {
    private static final Pattern ENTRY = Pattern.compile("^\\s*(?:\\.visible\\s+)?\\.entry\\s+([A-Za-z_$][\\w$]*)", Pattern.MULTILINE);
    private static final Pattern CALL = Pattern.compile("^\\s*(?:@!?%\\w+\\s+)?call(?:\\.uni)?\\b[^;]*", Pattern.MULTILINE);

    private PtxCheck() {}

    /** Empty when the PTX is as expected; otherwise what is wrong. */
    public static List<String> problems(String ptx, String function) {
        List<String> out = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        Matcher e = ENTRY.matcher(ptx);
        while (e.find()) {
            entries.add(e.group(1));
        }
        if (!entries.equals(List.of(function))) {
            out.add("PTX should have exactly the entry " + function + ", has " + entries);
        }
        Matcher c = CALL.matcher(ptx);
        if (c.find()) {
            out.add("PTX makes a call (device-side launch, printf or another function): " + c.group().strip());
        }
        return out;
    }
}
