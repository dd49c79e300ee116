package dev.proofline.batch;

import dev.proofline.check.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Problems as {@code .lean} files a person can open in an editor, one problem per file, its id the file
 * name:
 * <pre>
 * import Init                      -- optional: the header
 * /-! Informal statement, Markdown -/   -- optional
 * def helper … := …                -- optional: the preamble
 * -- proofline: statement
 * theorem name … := by
 *   sorry
 * </pre>
 * The statement is what follows the marker line, without its {@code := sorry} or {@code := by sorry}.
 */
public final class LeanProblemFiles {
    static final String MARKER = "-- proofline: statement";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(\\S+)\\s*$");
    private static final Pattern INFORMAL = Pattern.compile("/-!(.*?)-/", Pattern.DOTALL);
    private static final Pattern SORRY_END = Pattern.compile(":=\\s*(?:by\\s+)?sorry\\s*$");

    private LeanProblemFiles() {}

    static ProblemSet read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".lean")).sorted().toList();
        }
        List<Problem> problems = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<String, String> badById = new LinkedHashMap<>();
        for (Path f : files) {
            String id = f.getFileName().toString().replaceFirst("\\.lean$", "");
            try {
                // a file too big for any problem is refused before it is read
                if (Files.size(f) > Jsonl.MAX_LINE_BYTES) {
                    throw new IllegalArgumentException("the file is " + Files.size(f) + " bytes, over the limit of "
                            + Jsonl.MAX_LINE_BYTES);
                }
                problems.add(parse(id, Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                rejected.add(f + ": " + e.getMessage());
                badById.put(id, e.getMessage() + " (" + f.getFileName() + ")");
            }
        }
        if (files.isEmpty()) {
            rejected.add(dir + ": no .lean files");
        }
        return ProblemSet.of(problems, rejected, badById);
    }

    static Problem parse(String id, String text) {
        int marker = text.indexOf(MARKER);
        if (marker < 0) {
            throw new IllegalArgumentException("no '" + MARKER + "' line before the theorem");
        }
        String before = text.substring(0, marker);
        String statement = text.substring(marker + MARKER.length()).strip();
        Matcher end = SORRY_END.matcher(statement);
        if (!end.find()) {
            throw new IllegalArgumentException("the statement must end with ':= sorry' or ':= by sorry'");
        }
        statement = statement.substring(0, end.start()).strip();

        List<String> header = new ArrayList<>();
        StringBuilder preamble = new StringBuilder();
        String informal = null;
        Matcher doc = INFORMAL.matcher(before);
        if (doc.find()) {
            informal = doc.group(1).strip();
            before = before.substring(0, doc.start()) + before.substring(doc.end());
        }
        for (String line : before.split("\n", -1)) {
            Matcher imp = IMPORT.matcher(line.strip());
            if (imp.matches()) {
                header.add(imp.group(1));
            } else {
                preamble.append(line).append('\n');
            }
        }
        return new Problem(id, header, preamble.toString().strip(), statement, informal, List.of());
    }
}
