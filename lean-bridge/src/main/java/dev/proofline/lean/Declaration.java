package dev.proofline.lean;

import java.util.List;

/**
 * What the REPL knows of one declaration after a command: whether it exists, its kind ({@code theorem},
 * {@code axiom}, {@code def}, …), whether it was imported, and the axioms it rests on (imported library
 * theorems, whose proofs this build does not ship, are trusted and not listed).
 */
public record Declaration(String name, boolean found, String kind, boolean imported, List<String> axioms) {
    public Declaration {
        axioms = axioms == null ? List.of() : List.copyOf(axioms);
    }
}
