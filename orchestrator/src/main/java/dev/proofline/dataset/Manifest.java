package dev.proofline.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a dataset: where it came from ({@code source}: the generator, family and
 * generator version, or what was ingested), its seed, counts per family, difficulty and expectation, and
 * the SHA-256 of every other file. Nothing in it depends on when or where it was written, so the same
 * inputs give the same bytes.
 */
@JsonPropertyOrder({"name", "version", "source", "seed", "problems", "counts", "files"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String name, String version, Map<String, Object> source, Long seed, int problems,
                       Map<String, Counts> counts, Map<String, String> files) {

    /** Problems of one family, by difficulty and by expectation. */
    @JsonPropertyOrder({"total", "by_difficulty", "by_expected"})
    public record Counts(int total, @com.fasterxml.jackson.annotation.JsonProperty("by_difficulty") Map<String, Integer> byDifficulty,
                         @com.fasterxml.jackson.annotation.JsonProperty("by_expected") Map<String, Integer> byExpected) {}

    public static Map<String, Counts> count(List<ProblemRecord> records) {
        Map<String, Counts> out = new TreeMap<>();
        records.stream().map(ProblemRecord::family).distinct().sorted().forEach(family -> {
            Map<String, Integer> byDifficulty = new TreeMap<>();
            Map<String, Integer> byExpected = new TreeMap<>();
            int total = 0;
            for (ProblemRecord r : records) {
                if (r.family().equals(family)) {
                    total++;
                    byDifficulty.merge(String.valueOf(r.difficulty()), 1, Integer::sum);
                    byExpected.merge(r.expected().name(), 1, Integer::sum);
                }
            }
            out.put(family, new Counts(total, byDifficulty, byExpected));
        });
        return out;
    }
}
