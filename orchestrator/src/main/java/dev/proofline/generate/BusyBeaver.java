package dev.proofline.generate;

import dev.proofline.dataset.ProblemRecord;
import dev.proofline.dataset.ProblemRecord.Expected;
import dev.proofline.lean.ClasspathResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Halting claims about small random Turing machines (2–4 states, 2 symbols) started on a blank tape, with
 * the machine and its step semantics defined by {@code lean/problems/BusyBeaver.lean}: "halts within k
 * steps", "halts within k steps with exactly n ones", "has not halted after k steps". The machine is run
 * here to know the truth; the reference proof evaluates it in Lean's kernel ({@code decide +kernel}). Half
 * the true claims come with a false control: the same claim one step short, with one 1 too many, or "has
 * not halted" at the step it halts.
 */
final class BusyBeaver implements Generator {
    /** Kernel evaluation of a few hundred steps takes well under a second; 1000 overflows the kernel's stack. */
    static final int MAX_STEPS = 160;
    static final String PROOF = "by decide +kernel";
    private static final String PREAMBLE = preamble();

    @Override
    public String family() {
        return "busy-beaver";
    }

    @Override
    public int version() {
        return 1;
    }

    /** A true claim about one random machine, and maybe its false control; none if the machine is dull. */
    @Override
    public List<ProblemRecord> draw(Random rnd) {
        int states = 2 + rnd.nextInt(3);
        TuringMachine m = TuringMachine.random(states, rnd);
        TuringMachine.Run run = m.run(MAX_STEPS);
        boolean control = rnd.nextBoolean();
        if (!run.halted()) {
            int k = 10 + rnd.nextInt(MAX_STEPS - 9);
            return control
                    ? List.of(record(m, Kind.RUNNING, k, 0, Expected.provable), record(m, Kind.HALTS, k, 0, Expected.false_control))
                    : List.of(record(m, Kind.RUNNING, k, 0, Expected.provable));
        }
        int s = run.haltStep();
        if (s < 3) {
            return List.of();
        }
        Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
        return switch (kind) {
            case HALTS -> control
                    ? List.of(record(m, kind, s, 0, Expected.provable), record(m, kind, s - 1, 0, Expected.false_control))
                    : List.of(record(m, kind, s, 0, Expected.provable));
            case ONES -> control
                    ? List.of(record(m, kind, s, run.ones(), Expected.provable),
                            record(m, kind, s, run.ones() + 1, Expected.false_control))
                    : List.of(record(m, kind, s, run.ones(), Expected.provable));
            case RUNNING -> control
                    ? List.of(record(m, kind, s - 1, 0, Expected.provable), record(m, kind, s, 0, Expected.false_control))
                    : List.of(record(m, kind, s - 1, 0, Expected.provable));
        };
    }

    private enum Kind { HALTS, ONES, RUNNING }

    private ProblemRecord record(TuringMachine m, Kind kind, int k, int ones, Expected expected) {
        String machine = m.lean();
        String claim = switch (kind) {
            case HALTS -> "BB.haltsWithin " + machine + " " + k + " = true";
            case ONES -> "BB.haltsWithin " + machine + " " + k + " = true ∧ BB.onesAfter " + machine + " " + k + " = " + ones;
            case RUNNING -> "BB.haltsWithin " + machine + " " + k + " = false";
        };
        String says = switch (kind) {
            case HALTS -> "the machine halts within " + k + " steps.";
            case ONES -> "the machine halts within " + k + " steps, leaving exactly " + ones + " ones on the tape.";
            case RUNNING -> "the machine has not halted after " + k + " steps.";
        };
        String informal = "A Turing machine with " + m.states() + " states (" + states(m.states()) + ") and symbols 0 "
                + "and 1 starts in state A on a tape of 0s. Each step it reads the cell under its head, writes, "
                + "moves one cell and changes state as the table says; the halting transition also writes and "
                + "moves, and counts as a step.\n\n" + m.markdown() + "\n**Claim.** Started on the blank tape, "
                + says + "\n";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("states", m.states());
        params.put("claim", kind.name().toLowerCase());
        params.put("steps", k);
        if (kind == Kind.ONES) {
            params.put("ones", ones);
        }
        int difficulty = m.states() - 1 + (k > 40 ? 1 : 0);
        return ProblemRecord.generated(family(), List.of("Init"), PREAMBLE, "theorem " + ProblemRecord.NAME_SLOT + " : " + claim,
                informal, PROOF, expected, difficulty, params);
    }

    private static String states(int n) {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < n; q++) {
            b.append(q == 0 ? "" : q == n - 1 ? " and " : ", ").append(TuringMachine.name(q));
        }
        return b.toString();
    }

    private static String preamble() {
        try {
            return ClasspathResource.text("/dev/proofline/generate/BusyBeaver.lean");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
