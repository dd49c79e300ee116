package dev.proofline.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lean source file as benchmark authors write it, read just far enough to split it: its imports, its
 * body (the rest, with the header's lines left blank so that Lean's line numbers are the file's), and its
 * theorems, each with its full name (the enclosing {@code namespace}s read), its lines, and whether its proof
 * is just {@code sorry}. A declaration starts at a line in column 0 with a command keyword, a modifier, an
 * attribute or a doc comment; this is how such files are laid out, and Lean itself parses the rest.
 */
public record LeanFile(List<String> imports, String body, List<Theorem> theorems) {

    /**
     * @param statement the declaration up to its {@code :=}, doc comment and attributes included, if the proof is
     *     {@code sorry}; else {@code null}
     */
    public record Theorem(String name, int firstLine, int lastLine, String statement) {
        public boolean isSorry() {
            return statement != null;
        }
    }

    private static final Pattern HEADER_LINE = Pattern.compile("^(?:module|prelude|(?:public\\s+)?(?:meta\\s+)?import\\s+(?:all\\s+)?(\\S+))\\s*(?:--.*)?$");
    private static final Pattern COMMAND = Pattern.compile("^(?:@\\[|/--|/-!|#|(?:private|protected|noncomputable|partial|"
            + "unsafe|public|nonrec|theorem|lemma|def|abbrev|instance|example|structure|class|inductive|opaque|axiom|"
            + "namespace|section|end|open|variable|universe|set_option|attribute|macro|macro_rules|notation|infix|infixl|"
            + "infixr|prefix|postfix|syntax|elab|mutual|deriving|initialize|scoped|local)\\b)");
    private static final Pattern THEOREM = Pattern.compile("(?:^|\\s)(theorem|lemma)\\s+([^\\s(:{\\[⦃]+)");
    private static final Pattern SORRY_PROOF = Pattern.compile(":=\\s*(?:by\\s+)?sorry\\s*$");
    private static final Pattern SCOPE = Pattern.compile("^(namespace|section|end)(?:\\s+(\\S+))?\\s*$");

    public static LeanFile parse(String text) {
        String[] lines = text.split("\n", -1);
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        List<int[]> starts = new ArrayList<>();
        boolean inHeader = true;
        int commentDepth = 0;
        boolean attached = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher header = HEADER_LINE.matcher(line.strip());
            if (inHeader && commentDepth == 0 && header.matches()) {
                if (header.group(1) != null) {
                    imports.add(header.group(1));
                }
                line = "";
            } else if (commentDepth == 0 && !line.isBlank() && !line.startsWith("--") && !line.startsWith("/-")) {
                inHeader = false;
            }
            // a doc comment or attribute starts the declaration it belongs to; other block comments start nothing
            if (commentDepth == 0 && COMMAND.matcher(line).find() && !line.startsWith("/-!")) {
                if (!attached) {
                    starts.add(new int[] {i});
                }
                attached = line.startsWith("/--") || line.strip().matches("@\\[[^\\]]*\\]");
            }
            commentDepth = Math.max(0, commentDepth + count(line, "/-") - count(line, "-/"));
            body.append(line);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        List<Theorem> theorems = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int first = starts.get(s)[0];
            int end = s + 1 < starts.size() ? starts.get(s + 1)[0] : lines.length;
            String chunk = String.join("\n", java.util.Arrays.asList(lines).subList(first, end));
            Matcher scope = SCOPE.matcher(lines[first].strip());
            if (scope.matches()) {
                if (scope.group(1).equals("end")) {
                    if (!scopes.isEmpty()) {
                        scopes.remove(scopes.size() - 1);
                    }
                } else {
                    scopes.add(scope.group(1).equals("namespace") && scope.group(2) != null ? scope.group(2) : "");
                }
                continue;
            }
            String code = withoutComments(chunk);
            Matcher thm = THEOREM.matcher(code);
            if (!thm.find() || code.substring(0, thm.start()).contains(":=")) {
                continue;
            }
            int last = end - 1;
            while (last > first && lines[last].isBlank()) {
                last--;
            }
            Matcher sorry = SORRY_PROOF.matcher(code.strip());
            String statement = null;
            if (sorry.find()) {
                // the proof begins at the last ':=' of the source, the one the stripped code ends with
                int proof = chunk.lastIndexOf(":=");
                statement = chunk.substring(0, proof).strip();
            }
            theorems.add(new Theorem(fullName(scopes, thm.group(2)), first + 1, last + 1, statement));
        }
        return new LeanFile(List.copyOf(imports), body.toString(), List.copyOf(theorems));
    }

    private static String fullName(List<String> scopes, String name) {
        if (name.startsWith("_root_.")) {
            return name.substring("_root_.".length());
        }
        StringBuilder full = new StringBuilder();
        for (String ns : scopes) {
            if (!ns.isEmpty()) {
                full.append(ns).append('.');
            }
        }
        return full.append(name.replace("«", "").replace("»", "")).toString();
    }

    /** The code without line and block comments, which may mention {@code sorry} or {@code :=}. */
    static String withoutComments(String code) {
        return code.replaceAll("(?s)/-.*?-/", " ").replaceAll("--[^\n]*", "");
    }

    private static int count(String line, String token) {
        int n = 0;
        for (int i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
