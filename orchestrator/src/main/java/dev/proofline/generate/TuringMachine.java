package dev.proofline.generate;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A Turing machine with {@code states} states and symbols 0 and 1, as in {@code lean/problems/BusyBeaver.lean}:
 * entry {@code 2 * q + read} of the table says what to write, whether to move right, and the next state
 * ({@link #HALT} to halt). The halting transition writes, moves and counts as a step.
 */
record TuringMachine(int states, int[] write, boolean[] right, int[] next) {
    static final int HALT = -1;

    /** What happens within {@code maxSteps} steps from a blank tape: the step it halts at (or -1) and the 1s then. */
    record Run(int haltStep, int ones) {
        boolean halted() {
            return haltStep >= 0;
        }
    }

    /** A random machine with exactly one halting transition, never the very first one. */
    static TuringMachine random(int states, Random rnd) {
        int n = 2 * states;
        int[] write = new int[n];
        boolean[] right = new boolean[n];
        int[] next = new int[n];
        int halt = 1 + rnd.nextInt(n - 1);
        for (int i = 0; i < n; i++) {
            write[i] = rnd.nextInt(2);
            right[i] = rnd.nextBoolean();
            next[i] = i == halt ? HALT : rnd.nextInt(states);
        }
        return new TuringMachine(states, write, right, next);
    }

    Run run(int maxSteps) {
        Map<Integer, Integer> tape = new HashMap<>();
        int pos = 0;
        int state = 0;
        for (int step = 1; step <= maxSteps; step++) {
            int i = 2 * state + tape.getOrDefault(pos, 0);
            tape.put(pos, write[i]);
            pos += right[i] ? 1 : -1;
            state = next[i];
            if (state == HALT) {
                return new Run(step, tape.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
        return new Run(-1, -1);
    }

    /** The table as a Lean {@code BB.Machine}. */
    String lean() {
        StringBuilder b = new StringBuilder("[");
        for (int q = 0; q < states; q++) {
            b.append(q == 0 ? "" : ", ").append("(").append(rule(2 * q)).append(", ").append(rule(2 * q + 1)).append(")");
        }
        return b.append("]").toString();
    }

    private String rule(int i) {
        return "⟨" + (write[i] == 1) + ", " + right[i] + ", " + (next[i] == HALT ? "none" : "some " + next[i]) + "⟩";
    }

    /** The table in Markdown, states named A, B, C, …. */
    String markdown() {
        StringBuilder b = new StringBuilder("| state | reading 0 | reading 1 |\n| --- | --- | --- |\n");
        for (int q = 0; q < states; q++) {
            b.append("| ").append(name(q)).append(" | ").append(describe(2 * q)).append(" | ")
                    .append(describe(2 * q + 1)).append(" |\n");
        }
        return b.toString();
    }

    private String describe(int i) {
        return "write " + write[i] + ", move " + (right[i] ? "right" : "left") + ", "
                + (next[i] == HALT ? "halt" : "go to " + name(next[i]));
    }

    static String name(int q) {
        return String.valueOf((char) ('A' + q));
    }
}
