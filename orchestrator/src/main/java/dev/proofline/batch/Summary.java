package dev.proofline.batch;

import dev.proofline.check.Verdict;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts per verdict and reason, and pass@k over the problems that have candidates. */
public record Summary(Map<Verdict.Kind, Long> verdicts, Map<String, Long> reasons, Map<String, Samples> perProblem,
                      int maxSamples, double passAt1, double passAtK) {

    /** A problem's candidates: how many, how many accepted, and its pass@1 and pass@k (k = maxSamples). */
    public record Samples(int n, int accepted, double passAt1, double passAtK) {}

    /** Summarises {@code all}; pass@k counts only candidates of {@code problems}. */
    public static Summary of(Collection<Verdict> all, Set<String> problems) {
        Map<Verdict.Kind, Long> verdicts = new LinkedHashMap<>();
        for (Verdict.Kind k : Verdict.Kind.values()) {
            verdicts.put(k, all.stream().filter(v -> v.verdict() == k).count());
        }
        Map<String, Long> reasons = all.stream().flatMap(v -> v.reasons().stream())
                .map(r -> r.contains(":") ? r.substring(0, r.indexOf(':')) : r)
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        Map<String, int[]> perProblem = new TreeMap<>();
        for (Verdict v : all) {
            if (!problems.contains(v.problem())) {
                continue;
            }
            int[] nc = perProblem.computeIfAbsent(v.problem(), p -> new int[2]);
            nc[0]++;
            if (v.verdict() == Verdict.Kind.accepted) {
                nc[1]++;
            }
        }
        int k = perProblem.values().stream().mapToInt(nc -> nc[0]).max().orElse(0);
        Map<String, Samples> samples = new TreeMap<>();
        perProblem.forEach((id, nc) -> samples.put(id,
                new Samples(nc[0], nc[1], passAtK(nc[0], nc[1], 1), passAtK(nc[0], nc[1], Math.min(k, nc[0])))));
        double p1 = samples.values().stream().mapToDouble(Samples::passAt1).average().orElse(0);
        double pk = samples.values().stream().mapToDouble(Samples::passAtK).average().orElse(0);
        return new Summary(verdicts, reasons, samples, k, p1, pk);
    }

    /**
     * The unbiased estimator of pass@k from n samples of which c are correct (Chen et al., 2021):
     * 1 - C(n-c, k) / C(n, k), computed as a product to stay exact for large n.
     */
    public static double passAtK(int n, int c, int k) {
        if (k <= 0 || n <= 0) {
            return 0;
        }
        if (n - c < k) {
            return 1.0;
        }
        double fail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            fail *= 1.0 - (double) k / i;
        }
        return 1.0 - fail;
    }

    /** The counts for machines: verdicts, reasons, problems, pass@1 and pass@k with k. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdicts", verdicts);
        json.put("reasons", reasons);
        json.put("problems", perProblem.size());
        json.put("pass_at_1", passAt1);
        json.put("k", maxSamples);
        json.put("pass_at_k", passAtK);
        try {
            return Jsonl.JSON.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        long total = verdicts.values().stream().mapToLong(Long::longValue).sum();
        s.append("candidates: ").append(total).append('\n');
        verdicts.forEach((kind, n) -> s.append(String.format("  %-9s %6d%n", kind, n)));
        if (!reasons.isEmpty()) {
            s.append("reasons:\n");
            reasons.forEach((r, n) -> s.append(String.format("  %-18s %6d%n", r, n)));
        }
        s.append(String.format("problems: %d   pass@1: %.3f", perProblem.size(), passAt1));
        s.append(maxSamples > 1 ? String.format("   pass@%d: %.3f%n", maxSamples, passAtK) : String.format("%n"));
        return s.toString();
    }
}
