package dev.proofline.lean;

import java.util.List;

/**
 * What the REPL knows of one declaration: whether it exists, its kind ({@code theorem}, {@code axiom},
 * {@code def}, …), whether it was imported, and the axioms it rests on (imported library theorems, whose
 * proofs this build does not ship, are trusted and not listed).
 *
 * @param sameType in a judgement, whether its type and universe parameters are the reference statement's;
 *     else {@code null}
 * @param replay in a judgement, {@code "ok"} when the judge session's kernel accepted it and everything it
 *     rests on, else the complaint; else {@code null}
 * @param changed in a judgement against a reference, the reference's declarations its statement rests on
 *     that the submission declares differently (a redefinition that changes what the statement means)
 */
public record Declaration(String name, boolean found, String kind, boolean imported, List<String> axioms,
                          Boolean sameType, String replay, List<String> changed) {
    public Declaration {
        axioms = axioms == null ? List.of() : List.copyOf(axioms);
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
