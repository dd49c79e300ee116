package dev.proofline.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules a command without {@code env} imports: its leading {@code import} lines, read as Lean's header
 * parser reads them (comments and white space between, {@code module}, {@code public}/{@code meta}/{@code all}
 * modifiers), so that the command goes to a Lean session that imported exactly those, {@code Init} first.
 */
final class ImportHeader {
    private ImportHeader() {}

    static List<String> modules(String text) {
        List<String> tokens = tokens(text);
        List<String> modules = new ArrayList<>();
        boolean prelude = false;
        int i = 0;
        if (i < tokens.size() && tokens.get(i).equals("module")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).equals("prelude")) {
            prelude = true;
            i++;
        }
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && List.of("public", "meta").contains(tokens.get(j))) {
                j++;
            }
            if (j >= tokens.size() || !tokens.get(j).equals("import")) {
                break;
            }
            j++;
            if (j < tokens.size() && tokens.get(j).equals("all")) {
                j++;
            }
            if (j >= tokens.size()) {
                break;
            }
            modules.add(tokens.get(j).replace("«", "").replace("»", ""));
            i = j + 1;
        }
        List<String> header = new ArrayList<>();
        if (prelude) {
            header.add("prelude");
        } else if (!modules.contains("Init")) {
            header.add("Init");
        }
        modules.stream().filter(m -> !header.contains(m)).distinct().forEach(header::add);
        return List.copyOf(header);
    }

    /** The words at the start of {@code text}, comments skipped, up to the first thing a header cannot hold. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && out.size() < 10_000) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (text.startsWith("/-", i)) {
                int depth = 0;
                while (i < n) {
                    if (text.startsWith("/-", i)) {
                        depth++;
                        i += 2;
                    } else if (text.startsWith("-/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && !text.startsWith("--", i)
                        && !text.startsWith("/-", i)) {
                    i++;
                }
                String word = text.substring(start, i);
                out.add(word);
                if (!List.of("module", "prelude", "public", "meta", "import", "all").contains(word)
                        && !(out.size() >= 2 && out.get(out.size() - 2).matches("import|all"))) {
                    break;
                }
            }
        }
        return out;
    }
}
