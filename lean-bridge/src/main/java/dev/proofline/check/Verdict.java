package dev.proofline.check;

import dev.proofline.lean.LeanMessage;
import java.util.List;

/** The judgement on one candidate, with every reason it was not accepted. */
public record Verdict(String problem, String candidate, Kind verdict, List<String> reasons, List<LeanMessage> messages,
                      List<String> axioms, long ms) {

    public enum Kind {
        accepted, rejected, timeout, crashed, invalid
    }

    public Verdict {
        reasons = List.copyOf(reasons);
        messages = List.copyOf(messages);
        axioms = List.copyOf(axioms);
    }

    public static Verdict invalid(String problem, String candidate, String reason) {
        return new Verdict(problem, candidate, Kind.invalid, List.of(reason), List.of(), List.of(), 0);
    }
}
