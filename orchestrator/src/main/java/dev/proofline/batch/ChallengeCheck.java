package dev.proofline.batch;

import dev.proofline.check.Problem;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Challenge files checked against solution files, as comparator and SafeVerify take them: every theorem of a
 * challenge whose proof is {@code sorry} is a problem, with the id {@code <file>/<theorem>}; everything else in
 * the challenge is its context. The solution is the same file with proofs: it is elaborated and judged once
 * ({@link ProofChecker#checkChallenge}), and each of those theorems gets a verdict. A folder of challenges is
 * paired with a folder of solutions by relative path.
 */
public final class ChallengeCheck {

    /** A readable challenge file with at least one {@code sorry} theorem, and where its solution should be. */
    record Challenge(String id, Problem whole, LeanFile source, List<Problem> problems, Path solution, String solutionName) {}

    private final List<Challenge> challenges;
    private final ProblemSet problems;
    private final ProofChecker checker;
    private final int parallelism;

    private ChallengeCheck(List<Challenge> challenges, ProblemSet problems, ProofChecker checker, int parallelism) {
        this.challenges = challenges;
        this.problems = problems;
        this.checker = checker;
        this.parallelism = parallelism;
    }

    /** Reads the challenges (a file, or every {@code .lean} file below a folder); unusable ones are listed in {@link #problems}. */
    public static ChallengeCheck read(Path challenge, Path solution, ProofChecker checker, int parallelism) throws IOException {
        List<Path> files;
        if (Files.isDirectory(challenge)) {
            try (Stream<Path> walk = Files.walk(challenge)) {
                files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".lean")).sorted().toList();
            }
        } else {
            files = List.of(challenge);
        }
        List<Challenge> challenges = new ArrayList<>();
        List<Problem> all = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        if (files.isEmpty()) {
            rejected.add(challenge + ": no .lean files");
        }
        for (Path f : files) {
            String rel = Files.isDirectory(challenge) ? challenge.relativize(f).toString() : f.getFileName().toString();
            String id = rel.replaceFirst("\\.lean$", "");
            Path sol = Files.isDirectory(challenge) ? solution.resolve(rel) : solution;
            try {
                if (Files.size(f) > Jsonl.MAX_LINE_BYTES) {
                    throw new IllegalArgumentException("the file is " + Files.size(f) + " bytes, over the limit of "
                            + Jsonl.MAX_LINE_BYTES);
                }
                LeanFile source = LeanFile.parse(Files.readString(f, StandardCharsets.UTF_8));
                List<Problem> own = new ArrayList<>();
                Set<String> names = new HashSet<>();
                for (LeanFile.Theorem t : source.theorems()) {
                    if (!names.add(t.name())) {
                        throw new IllegalArgumentException("the theorem " + t.name() + " is declared twice");
                    }
                    if (t.isSorry()) {
                        own.add(new Problem(id + "/" + t.name(), source.imports(), "", t.statement(), null, List.of(id)));
                    }
                }
                if (own.isEmpty()) {
                    throw new IllegalArgumentException("no theorem's proof is sorry: nothing to prove");
                }
                Problem whole = new Problem(id, source.imports(), "", source.body(), null, List.of(id));
                challenges.add(new Challenge(id, whole, source, own, sol,
                        Files.isDirectory(solution) ? rel : sol.getFileName().toString()));
                all.addAll(own);
            } catch (IllegalArgumentException e) {
                rejected.add(f + ": " + e.getMessage());
            }
        }
        return new ChallengeCheck(challenges, ProblemSet.of(all, rejected, Map.of()), checker, parallelism);
    }

    /** One problem per {@code sorry} theorem, and the challenge files that could not be used, with why. */
    public ProblemSet problems() {
        return problems;
    }

    /**
     * Checks every challenge against its solution, appending each verdict to {@code out} as it is known; a
     * challenge whose theorems {@code out} already has verdicts for is skipped. Returns every verdict of
     * {@code out}, earlier runs' included.
     */
    public List<Verdict> run(Path out, Consumer<Integer> onTotal, Consumer<Verdict> onVerdict) throws IOException {
        List<Verdict> verdicts = Collections.synchronizedList(new ArrayList<>());
        try (ResultLog log = new ResultLog(out)) {
            verdicts.addAll(log.previous());
            List<Challenge> todo = challenges.stream()
                    .filter(c -> c.problems().stream().anyMatch(p -> !log.isDone(p.id(), c.solutionName()))).toList();
            onTotal.accept(todo.stream().mapToInt(c -> c.problems().size()).sum());
            BatchCheck.checkEach(todo, parallelism, this::check, log, verdicts, onVerdict);
        }
        return verdicts;
    }

    private List<Verdict> check(Challenge c) {
        String name = c.solutionName();
        if (!Files.isRegularFile(c.solution())) {
            return invalid(c, "bad-candidate: no solution file " + c.solution());
        }
        LeanFile solution;
        try {
            if (Files.size(c.solution()) > Jsonl.MAX_LINE_BYTES) {
                return invalid(c, "bad-candidate: " + c.solution() + " is over the limit of " + Jsonl.MAX_LINE_BYTES + " bytes");
            }
            solution = LeanFile.parse(Files.readString(c.solution(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return invalid(c, "bad-candidate: " + c.solution() + " cannot be read: " + e.getMessage());
        }
        if (!solution.imports().equals(c.source().imports())) {
            return invalid(c, "bad-candidate: " + c.solution() + " imports " + solution.imports() + ", the challenge "
                    + c.source().imports());
        }
        Map<String, LeanFile.Theorem> declared = new LinkedHashMap<>();
        solution.theorems().forEach(t -> declared.putIfAbsent(t.name(), t));
        List<ProofChecker.Part> parts = new ArrayList<>();
        for (LeanFile.Theorem t : c.source().theorems()) {
            if (!t.isSorry()) {
                continue;
            }
            LeanFile.Theorem own = declared.remove(t.name());
            String problemId = c.id() + "/" + t.name();
            // a theorem the solution lacks has no lines; the judge says it is missing
            parts.add(own == null ? new ProofChecker.Part(t.name(), problemId, 0, -1)
                    : new ProofChecker.Part(t.name(), problemId, own.firstLine(), own.lastLine()));
        }
        // the solution's other theorems (the challenge's proved lemmas, its own helpers) answer no problem
        declared.values().forEach(t -> parts.add(new ProofChecker.Part(t.name(), null, t.firstLine(), t.lastLine())));
        return checker.checkChallenge(c.whole(), solution.body(), name, parts);
    }

    private static List<Verdict> invalid(Challenge c, String reason) {
        return c.problems().stream().map(p -> Verdict.invalid(p.id(), c.solutionName(), reason)).toList();
    }
}
