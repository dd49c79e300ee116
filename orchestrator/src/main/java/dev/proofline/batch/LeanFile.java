package dev.proofline.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lean source file as benchmark authors write it, read just far enough to split it: its imports, its
 * body (the rest, with the header's lines left blank so that Lean's line numbers are the file's), its
 * theorems, each with its full name (the enclosing {@code namespace}s read), its lines, its statement and its
 * proof, and the lines of its {@code example}s (a benchmark's tests). A declaration starts at a line in column 0 with a command keyword, a modifier, an
 * attribute or a doc comment; this is how such files are laid out, and Lean itself parses the rest.
 */
public record LeanFile(List<String> imports, String body, List<Theorem> theorems, List<Lines> examples) {

    /** Lines of the file, from 1, inclusive. */
    public record Lines(int first, int last) {}

    /**
     * @param statement the declaration up to the {@code :=} of its proof, doc comment and attributes included;
     *     {@code null} for a proof by equations or {@code where}, which has no such {@code :=}
     * @param proof what follows that {@code :=}; {@code null} with the statement
     */
    public record Theorem(String name, int firstLine, int lastLine, String statement, String proof) {
        public boolean isSorry() {
            return proof != null && SORRY_PROOF.matcher(withoutComments(proof).strip()).matches();
        }
    }

    private static final Pattern HEADER_LINE = Pattern.compile("^(?:module|prelude|(?:public\\s+)?(?:meta\\s+)?import\\s+(?:all\\s+)?(\\S+))\\s*(?:--.*)?$");
    private static final Pattern COMMAND = Pattern.compile("^(?:@\\[|/--|/-!|#|(?:private|protected|noncomputable|partial|"
            + "unsafe|public|nonrec|theorem|lemma|def|abbrev|instance|example|structure|class|inductive|opaque|axiom|"
            + "namespace|section|end|open|variable|universe|set_option|attribute|macro|macro_rules|notation|infix|infixl|"
            + "infixr|prefix|postfix|syntax|elab|mutual|deriving|initialize|scoped|local)\\b)");
    private static final Pattern THEOREM = Pattern.compile("(?:^|\\s)(theorem|lemma)\\s+([^\\s(:{\\[⦃]+)");
    private static final Pattern SORRY_PROOF = Pattern.compile("(?:by\\s+)?sorry");
    private static final Pattern SCOPE = Pattern.compile("^(namespace|section|end)(?:\\s+(\\S+))?\\s*$");

    public static LeanFile parse(String text) {
        String[] lines = text.split("\n", -1);
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        boolean inHeader = true;
        int commentDepth = 0;
        boolean attached = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher header = HEADER_LINE.matcher(line.strip());
            if (inHeader && commentDepth == 0 && header.matches()) {
                if (header.group(1) != null && !imports.contains(header.group(1))) {
                    imports.add(header.group(1));
                }
                line = "";
            } else if (commentDepth == 0 && !line.isBlank() && !line.startsWith("--") && !line.startsWith("/-")) {
                inHeader = false;
            }
            // a doc comment or attribute starts the declaration it belongs to; other block comments start nothing
            if (commentDepth == 0 && COMMAND.matcher(line).find() && !line.startsWith("/-!")) {
                if (!attached) {
                    starts.add(i);
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
        List<Lines> examples = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int first = starts.get(s);
            int end = s + 1 < starts.size() ? starts.get(s + 1) : lines.length;
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
            int last = end - 1;
            while (last > first && lines[last].isBlank()) {
                last--;
            }
            String code = withoutComments(chunk);
            if (code.strip().matches("(?s)(@\\[[^\\]]*\\]\\s*)?example\\b.*")) {
                examples.add(new Lines(first + 1, last + 1));
                continue;
            }
            Matcher thm = THEOREM.matcher(code);
            if (!thm.find() || code.substring(0, thm.start()).contains(":=")) {
                continue;
            }
            int proof = proofStart(chunk);
            theorems.add(new Theorem(fullName(scopes, thm.group(2)), first + 1, last + 1,
                    proof < 0 ? null : chunk.substring(0, proof).strip(), proof < 0 ? null : chunk.substring(proof + 2).strip()));
        }
        return new LeanFile(List.copyOf(imports), body.toString(), List.copyOf(theorems), List.copyOf(examples));
    }

    /** Where the proof's {@code :=} is: the first outside brackets and comments ({@code (x := 1)} is an argument). */
    private static int proofStart(String decl) {
        int depth = 0;
        for (int i = 0; i < decl.length() - 1; i++) {
            char c = decl.charAt(i);
            if (decl.startsWith("--", i)) {
                int nl = decl.indexOf('\n', i);
                i = nl < 0 ? decl.length() : nl;
            } else if (decl.startsWith("/-", i)) {
                int close = decl.indexOf("-/", i + 2);
                i = close < 0 ? decl.length() : close + 1;
            } else if ("([{⟨⦃".indexOf(c) >= 0) {
                depth++;
            } else if (")]}⟩⦄".indexOf(c) >= 0) {
                depth--;
            } else if (depth == 0 && decl.startsWith(":=", i)) {
                return i;
            }
        }
        return -1;
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
