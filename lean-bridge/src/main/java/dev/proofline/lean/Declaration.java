package dev.proofline.lean;

import java.util.List;

/**
 * What the REPL knows of one declaration after a command: whether it exists, its kind ({@code theorem},
 * {@code axiom}, {@code def}, …), whether it was imported, and the axioms it rests on (imported library
 * theorems, whose proofs this build does not ship, are trusted and not listed).
 *
 * @param sameType whether its type is the reference statement's; {@code null} when no reference was given
 * @param replay {@code "ok"} when the kernel accepted it again; {@code "skipped: …"} when it rests on
 *     compiled code ({@code Lean.ofReduceBool}), which the kernel cannot re-run; else the kernel's
 *     complaint; {@code null} when no replay was asked for
 */
public record Declaration(String name, boolean found, String kind, boolean imported, List<String> axioms,
                          Boolean sameType, String replay) {
    public Declaration {
        axioms = axioms == null ? List.of() : List.copyOf(axioms);
    }
}
