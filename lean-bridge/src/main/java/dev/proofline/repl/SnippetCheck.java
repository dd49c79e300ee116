package dev.proofline.repl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.CommandPolicy;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanResult;
import dev.proofline.lean.LeanSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole Lean file, its {@code import}s included, run as one community-REPL command on a pooled session of
 * its header, from that header's pristine environment, and judged: what a Kimina-style service answers for a
 * snippet. Nothing is kept: the environment and proof states the command made are dropped after it.
 *
 * <p>Judged ({@code judge} true), the snippet is first only parsed and refused by the {@link CommandPolicy}
 * before any of it runs; then each theorem it declares gets {@code check}'s judgement by its own statement
 * ({@link DeclaredTheorems}). Plain, it is only elaborated, as Kimina does; a session that elaborated
 * something the policy refuses is then retired, so that no later snippet runs in a process it touched.
 */
public final class SnippetCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeanPool pool;
    private final Set<String> allowedAxioms;
    private final CommandPolicy policy = new CommandPolicy();

    public SnippetCheck(LeanPool pool, Set<String> allowedAxioms) {
        this.pool = pool;
        this.allowedAxioms = Set.copyOf(allowedAxioms);
    }

    /**
     * What became of a snippet.
     *
     * @param response the REPL's reply ({@code {"messages"?, "sorries"?, "infotree"?}}, or {@code {"message"}}
     *     when Lean could not run it, e.g. a header that does not import), with Proofline's error messages added
     *     where it refuses what Lean raised no error about; null with {@code error}
     * @param error why there is no reply: a timeout or Lean failing; null with a response
     * @param status Kimina's name for the outcome, or {@code REFUSED} where only Proofline finds fault
     * @param theorems the judgement of each theorem declared ({@code [{"name", "verdict", "reasons",
     *     "axioms"}]}); null when not judged
     * @param refusals why Proofline refuses the snippet: the policy's findings, and each theorem that is not
     *     accepted with its first reason; empty when not judged
     * @param session which Lean process ran it, and {@code sessionRssBytes} its resident memory afterwards
     */
    public record Result(ObjectNode response, String error, Status status, ArrayNode theorems, List<String> refusals,
                         long session, long sessionRssBytes) {
        public boolean valid() {
            return status == Status.VALID;
        }
    }

    /** Kimina's statuses (its client's {@code SnippetStatus}), and {@code REFUSED}. */
    public enum Status { VALID, SORRY, LEAN_ERROR, REFUSED, REPL_ERROR, TIMEOUT_ERROR, SERVER_ERROR }

    /** Kimina's rule over a reply: an error message, else a sorry, else valid. */
    private static Status statusOf(ObjectNode response) {
        if (response.has("message")) {
            return Status.REPL_ERROR;
        }
        for (var m : response.path("messages")) {
            if ("error".equals(m.path("severity").asText())) {
                return Status.LEAN_ERROR;
            }
        }
        return response.has("sorries") ? Status.SORRY : Status.VALID;
    }

    /** A failure of Proofline's own, such as a Lean that cannot start: no verdict on the snippet. */
    public static final class Unavailable extends IOException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code code} within {@code timeout} (all of its requests to Lean together, not the wait for a session),
     * with Lean's info trees if {@code infotree} names a mode, judged or plain.
     */
    public Result run(String code, Duration timeout, String infotree, boolean judge) throws Unavailable {
        List<String> header = ImportHeader.modules(code);
        long[] deadline = new long[1];
        Session ran;
        try {
            ran = pool.withSession(header, s -> {
                // the limit is on Lean's work, from when a started session has the snippet: not on a cold start
                deadline[0] = System.nanoTime() + timeout.toNanos();
                return elaborate(s, code, deadline[0], timeout, infotree, judge);
            });
        } catch (LeanSession.HeaderNotImported e) {
            return new Result(JSON.createObjectNode().put("message", e.getMessage().strip()), null, Status.REPL_ERROR, null,
                    List.of(), 0, 0);
        } catch (IOException e) {
            throw new Unavailable("could not start Lean: " + e.getMessage(), e);
        }
        if (ran instanceof Done done) {
            return done.result();
        }
        Elaborated e = (Elaborated) ran;
        if (!judge) {
            return new Result(e.response(), null, statusOf(e.response()), null, List.of(), e.pid(), e.rss());
        }
        Map<String, ProofChecker.Findings> theorems = DeclaredTheorems.judge(allowedAxioms, e.violations(), e.lean(),
                code, j -> pool.send(header, j, left(deadline[0])));
        List<String> refusals = new ArrayList<>(e.violations());
        theorems.forEach((name, f) -> {
            if (!f.accepted()) {
                refusals.add(name + " is not accepted: " + f.reasons().get(0));
            }
        });
        ObjectNode response = e.response();
        Status status = statusOf(response);
        if (status == Status.VALID && !refusals.isEmpty()) {
            // where Lean raised nothing, Proofline's refusal is an error message, so that Kimina's rule sees it
            ArrayNode messages = response.has("messages") ? (ArrayNode) response.get("messages") : response.putArray("messages");
            refusals.forEach(r -> messages.add(proofline(r)));
            status = Status.REFUSED;
        }
        return new Result(response, null, status, DeclaredTheorems.json(theorems), List.copyOf(refusals), e.pid(), e.rss());
    }

    /** What the session's part ends with: a result already, or the elaborated command to judge. */
    private sealed interface Session permits Done, Elaborated {}

    private record Done(Result result) implements Session {}

    /** The command's reply, its response in the REPL's shape, and the policy's findings on what Lean elaborated. */
    private record Elaborated(LeanResult lean, ObjectNode response, List<String> violations, long pid, long rss)
            implements Session {}

    private Session elaborate(LeanSession s, String code, long deadline, Duration timeout, String infotree, boolean judge) {
        if (judge) {
            ObjectNode parse = JSON.createObjectNode().put("cmd", code).put("parse_only", true).put("header", true);
            LeanResult parsed = s.sendJson(parse, left(deadline));
            if (!parsed.isOk()) {
                return failed(s, parsed, timeout);
            }
            List<String> forbidden = policy.violationsOfFile(parsed.syntax());
            if (!forbidden.isEmpty()) {
                ObjectNode response = JSON.createObjectNode();
                ArrayNode messages = response.putArray("messages");
                forbidden.forEach(f -> messages.add(proofline("refused before running: " + f)));
                return new Done(new Result(response, null, Status.REFUSED, JSON.createArrayNode(), forbidden, s.pid(),
                        s.rssBytes()));
            }
        }
        ObjectNode cmd = JSON.createObjectNode().put("cmd", code).put("session", true).put("env", 0).put("header", true)
                .put("export", judge);
        if (infotree != null) {
            cmd.put("infotree", infotree);
        }
        LeanResult r = s.sendJson(cmd, left(deadline));
        if (!r.isOk()) {
            return failed(s, r, timeout);
        }
        if (r.reply().has("error")) {
            return new Done(new Result(JSON.createObjectNode().put("message", r.reply().get("error").asText()), null,
                    Status.REPL_ERROR, null, List.of(), s.pid(), s.rssBytes()));
        }
        List<Integer> states = new ArrayList<>();
        r.reply().path("sorries").forEach(x -> states.add(x.path("proofState").asInt()));
        s.drop(List.of(r.reply().path("env").asInt()), states, Duration.ofSeconds(30));
        List<String> violations = policy.violationsOfFile(r.syntax());
        if (!judge && !violations.isEmpty()) {
            s.retire();
        }
        return new Elaborated(r, ReplReplies.unnumbered(r.reply()), violations, s.pid(), s.rssBytes());
    }

    /** No reply: Kimina's texts, whose "timed out" its client reads as a timeout. */
    private static Done failed(LeanSession s, LeanResult r, Duration timeout) {
        boolean timedOut = r.status() == LeanResult.Status.TIMEOUT;
        String detail = r.detail().strip();
        String error = timedOut ? "Lean REPL command timed out in " + seconds(timeout) + " seconds"
                : "Lean crashed: " + (detail.contains("\n") ? detail.substring(0, detail.indexOf('\n')) : detail);
        return new Done(new Result(null, error, timedOut ? Status.TIMEOUT_ERROR : Status.SERVER_ERROR, null, List.of(),
                s.pid(), 0));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    /** An error of Proofline's own in the REPL's message shape, so that a Kimina client counts it. */
    static ObjectNode proofline(String text) {
        ObjectNode m = JSON.createObjectNode().put("severity", "error");
        m.putObject("pos").put("line", 1).put("column", 0);
        m.putNull("endPos");
        m.put("data", "Proofline: " + text);
        return m;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
