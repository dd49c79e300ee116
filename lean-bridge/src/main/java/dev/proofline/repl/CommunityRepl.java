package dev.proofline.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.CommandPolicy;
import dev.proofline.check.ProofChecker;
import dev.proofline.lean.Declaration;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanRequest;
import dev.proofline.lean.LeanResult;
import dev.proofline.lean.LeanRuntime;
import dev.proofline.lean.LeanSession;
import dev.proofline.repl.Derivation.Ref;
import dev.proofline.repl.Derivation.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol of leanprover-community/repl over Proofline's Lean sessions: commands, files, tactics on
 * proof states and pickles, with upstream's numbering of environments and proof states and its replies
 * ({@link ReplReplies}). Beyond upstream: a time limit per request after which Lean is restarted and
 * everything made before is made again when next used ({@link Derivation}), dropping environments and
 * proof states, and {@code verify}, the judgement {@code check} gives, for each theorem a command declares.
 *
 * <p>One Lean process per import header, started on first use; requests are answered one at a time.
 */
public final class CommunityRepl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeanRuntime runtime;
    private final Duration timeout;
    private final long memoryCapBytes;
    private final Duration startTimeout;
    private final Set<String> allowedAxioms;
    private final CommandPolicy policy = new CommandPolicy();
    private Path program;
    private final Map<List<String>, LeanSession> sessions = new HashMap<>();
    private final Map<List<String>, LeanSession> judges = new HashMap<>();
    /** By the numbers clients see; {@code null} once dropped. */
    private final List<Ref> envs = new ArrayList<>();
    private final List<Ref> proofStates = new ArrayList<>();
    private int restarts;

    private CommunityRepl(Builder b) {
        this.runtime = b.runtime;
        this.timeout = b.timeout;
        this.memoryCapBytes = b.memoryCapBytes;
        this.startTimeout = b.startTimeout;
        this.allowedAxioms = b.allowedAxioms;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a REPL; every one has a default. */
    public static final class Builder {
        private LeanRuntime runtime = LeanRuntime.embedded();
        private Duration timeout = Duration.ofMinutes(5);
        private long memoryCapBytes = 6L << 30;
        private Duration startTimeout = Duration.ofMinutes(3);
        private Set<String> allowedAxioms = ProofChecker.STANDARD_AXIOMS;

        private Builder() {}

        public Builder runtime(LeanRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        /** The time limit of a request that names none ({@code "timeout"} in milliseconds). */
        public Builder timeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Resident memory at which a Lean process is killed (its environments are made again on next use). */
        public Builder memoryCap(long bytes) {
            this.memoryCapBytes = bytes;
            return this;
        }

        /** The axioms {@code verify} allows (default: Lean's three standard ones). */
        public Builder allowedAxioms(Set<String> axioms) {
            this.allowedAxioms = Set.copyOf(axioms);
            return this;
        }

        public CommunityRepl build() {
            return new CommunityRepl(this);
        }
    }

    /** How many times a Lean process was started again after a timeout or a crash. */
    public int restarts() {
        return restarts;
    }

    /** Resident memory of the Lean processes that elaborate (not the judges'), in bytes. */
    public long leanRssBytes() {
        return sessions.values().stream().mapToLong(LeanSession::rssBytes).sum();
    }

    /** Answers one request, as upstream's REPL would; never throws for anything the request holds. */
    public ObjectNode handle(JsonNode req) {
        if (!req.isObject()) {
            return ReplReplies.error("Could not parse as a valid JSON command:\nexpected an object");
        }
        try {
            if (req.has("tactic") && req.has("proofState")) {
                return tactic(req);
            }
            if (req.has("pickleTo") && req.has("env")) {
                return pickle(envs, req.get("env"), req.get("pickleTo"), "Unknown environment.");
            }
            if (req.has("pickleTo") && req.has("proofState")) {
                return pickle(proofStates, req.get("proofState"), req.get("pickleTo"), "Unknown proof State.");
            }
            if (req.has("unpickleEnvFrom")) {
                return unpickle(req.get("unpickleEnvFrom").asText(), true, req);
            }
            if (req.has("unpickleProofStateFrom")) {
                return unpickle(req.get("unpickleProofStateFrom").asText(), false, req);
            }
            if (req.path("cmd").isTextual()) {
                return command(req, req.get("cmd").asText());
            }
            if (req.path("path").isTextual()) {
                String text;
                try {
                    text = Files.readString(Path.of(req.get("path").asText()));
                } catch (IOException e) {
                    return ReplReplies.error("no such file or directory (" + req.get("path").asText() + "): " + e);
                }
                return command(req, text);
            }
            if (req.has("dropEnvs") || req.has("dropProofStates")) {
                return drop(req);
            }
            return ReplReplies.error("Could not parse as a valid JSON command:\nexpected \"cmd\", \"path\", "
                    + "\"tactic\" with \"proofState\", \"pickleTo\", \"unpickleEnvFrom\", \"unpickleProofStateFrom\", "
                    + "\"dropEnvs\" or \"dropProofStates\"");
        } catch (ReplException e) {
            return ReplReplies.error(e.getMessage());
        }
    }

    /** A request that cannot be answered; its message is the reply. */
    private static final class ReplException extends RuntimeException {
        ReplException(String message) {
            super(message);
        }
    }

    private ObjectNode command(JsonNode req, String cmd) {
        Ref parent = null;
        List<String> header;
        if (req.hasNonNull("env")) {
            parent = lookup(envs, req.get("env"), "Unknown environment.");
            header = parent.step.header;
        } else {
            header = ImportHeader.modules(cmd);
        }
        boolean verify = req.path("verify").asBoolean(false);
        Step step = new Step(header, parent, false, cmd);
        step.rootGoals = req.path("rootGoals").asBoolean(false);
        step.allTactics = req.path("allTactics").asBoolean(false);
        step.infotree = req.path("infotree").isTextual() ? req.get("infotree").asText() : null;
        LeanResult r = run(step, limit(req), verify);
        int env = number(envs, step.products.get(0));
        List<Integer> sorries = proofStateNumbers(step, 1, r.reply().path("sorries").size());
        List<Integer> tactics = proofStateNumbers(step, 1 + sorries.size(), r.reply().path("tactics").size());
        ObjectNode reply = ReplReplies.command(env, r.reply(), sorries, tactics);
        if (verify) {
            reply.set("verdicts", verdicts(step, r, req));
        }
        return reply;
    }

    private ObjectNode tactic(JsonNode req) {
        Ref parent = lookup(proofStates, req.get("proofState"), "Unknown proof state.");
        if (!req.get("tactic").isTextual()) {
            throw new ReplException("Could not parse as a valid JSON command:\n\"tactic\" must be a string");
        }
        Step step = new Step(parent.step.header, parent, true, req.get("tactic").asText());
        LeanResult r = run(step, limit(req), false);
        List<Integer> sorries = proofStateNumbers(step, 0, r.reply().path("sorries").size());
        int state = number(proofStates, step.products.get(step.products.size() - 1));
        return ReplReplies.proofStep(state, r.reply(), sorries);
    }

    /** Numbers {@code count} proof states of {@code step}, its products from {@code first} on. */
    private List<Integer> proofStateNumbers(Step step, int first, int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(number(proofStates, step.products.get(first + i)));
        }
        return numbers;
    }

    /**
     * Runs {@code step} on the Lean process of its header (making its parent again first if that process
     * is not the one that held it) and records its products; a timeout or crash becomes an error reply.
     */
    private LeanResult run(Step step, Duration limit, boolean export) {
        LeanResult r = send(step, limit, export);
        if (!r.isOk()) {
            throw new ReplException(failure(r));
        }
        if (r.reply().has("error")) {
            throw new ReplException(r.reply().get("error").asText());
        }
        if (!step.tactic) {
            step.found(policy.violations(r.syntax()));
        }
        List<Integer> ids = leanIds(step, r.reply());
        for (int i = 0; i < ids.size(); i++) {
            step.product(!step.tactic && i == 0);
        }
        place(step, ids);
        return r;
    }

    /** The products of {@code step} live now in its header's current process, under Lean's {@code ids}. */
    private void place(Step step, List<Integer> ids) {
        LeanSession s = sessions.get(step.header);
        for (int i = 0; i < ids.size(); i++) {
            step.products.get(i).session = s;
            step.products.get(i).leanId = ids.get(i);
        }
    }

    private LeanResult send(Step step, Duration limit, boolean export) {
        LeanSession s = session(step.header);
        if (step.parent != null) {
            ensure(step.parent);
            s = sessions.get(step.header);
        }
        ObjectNode body = JSON.createObjectNode();
        if (step.tactic) {
            body.put("tactic", step.text);
            body.put("proofState", step.parent.leanId);
        } else {
            body.put("cmd", step.text);
            body.put("session", true);
            body.put("env", step.parent == null ? 0 : step.parent.leanId);
            body.put("header", step.parent == null);
            body.put("root_goals", step.rootGoals);
            body.put("all_tactics", step.allTactics);
            if (step.infotree != null) {
                body.put("infotree", step.infotree);
            }
            body.put("export", export);
        }
        LeanResult r = s.sendJson(body, limit);
        if (!r.isOk()) {
            sessions.remove(step.header); // killed or dead: the next request starts a fresh one
            s.close();
            restarts++;
        }
        return r;
    }

    /** Lean's numbers for the products of a step, in its order: env then sorries, or sorries then state. */
    private static List<Integer> leanIds(Step step, JsonNode reply) {
        List<Integer> ids = new ArrayList<>();
        if (!step.tactic) {
            ids.add(reply.get("env").asInt());
        }
        reply.path("sorries").forEach(s -> ids.add(s.get("proofState").asInt()));
        reply.path("tactics").forEach(t -> ids.add(t.get("proofState").asInt()));
        if (step.tactic) {
            ids.add(reply.get("proofState").asInt());
        }
        return ids;
    }

    /** Makes {@code ref} live in its header's current Lean process, running again the steps that made it. */
    private void ensure(Ref ref) {
        LeanSession current = sessions.get(ref.step.header);
        if (ref.livesIn(current)) {
            return;
        }
        Step step = ref.step;
        LeanResult r = send(step, timeout, false);
        if (!r.isOk() || r.reply().has("error")) {
            throw new ReplException("could not make " + (ref.env ? "the environment" : "the proof state")
                    + " again after Lean was restarted: " + (r.isOk() ? r.reply().get("error").asText() : failure(r)));
        }
        List<Integer> ids = leanIds(step, r.reply());
        if (ids.size() != step.products.size()) {
            throw new ReplException("could not make " + (ref.env ? "the environment" : "the proof state")
                    + " again after Lean was restarted: the same request now gives other results");
        }
        place(step, ids);
    }

    private LeanSession session(List<String> header) {
        LeanSession s = sessions.get(header);
        if (s != null && s.isAlive()) {
            return s;
        }
        if (s != null) { // died between requests
            restarts++;
        }
        s = start(header, "Lean");
        sessions.put(header, s);
        return s;
    }

    private LeanSession start(List<String> header, String what) {
        try {
            return LeanSession.start(runtime, program(), header, startTimeout, memoryCapBytes);
        } catch (IOException e) {
            throw new ReplException("could not start " + what + " for the header " + String.join(" ", header) + ": "
                    + e.getMessage());
        }
    }

    private Path program() {
        if (program == null) {
            try {
                program = Lean.prepare(runtime);
            } catch (IOException e) {
                throw new ReplException("could not prepare Lean: " + e.getMessage());
            }
        }
        return program;
    }

    private static String failure(LeanResult r) {
        return switch (r.status()) {
            case TIMEOUT -> "timeout: " + r.detail() + "; earlier environments and proof states stay usable";
            case CRASHED -> "Lean crashed: " + r.detail() + "; earlier environments and proof states stay usable";
            default -> r.detail();
        };
    }

    private Duration limit(JsonNode req) {
        JsonNode t = req.get("timeout");
        if (t == null || t.isNull()) {
            return timeout;
        }
        if (!t.canConvertToLong() || t.asLong() <= 0) {
            throw new ReplException("Could not parse as a valid JSON command:\n\"timeout\" must be a positive "
                    + "number of milliseconds");
        }
        return Duration.ofMillis(t.asLong());
    }

    /**
     * {@code verify}: each theorem the command declared, judged as {@code check} judges a candidate — the
     * command policy over this command and those its environment was built from, errors, sorry, axioms, and
     * the replay of the exported declarations by a Lean process that never saw this session's source.
     */
    private ArrayNode verdicts(Step step, LeanResult elaborated, JsonNode req) {
        List<String> header = step.header;
        ArrayNode out = JSON.createArrayNode();
        List<String> declared = new ArrayList<>();
        elaborated.reply().path("declared").forEach(d -> declared.add(d.asText()));
        // in the order the command states them (Lean reports them in the order of its hash map)
        String cmd = step.text;
        declared.sort(java.util.Comparator.comparingInt((String n) -> cmd.indexOf(n.substring(n.lastIndexOf('.') + 1)))
                .thenComparing(java.util.Comparator.naturalOrder()));
        if (declared.isEmpty()) {
            return out;
        }
        LeanResult judged = judgeSession(header).send(LeanRequest.judgeDeclared(elaborated.export(), declared), limit(req));
        if (!judged.isOk()) {
            judges.remove(header).close();
        }
        for (String name : declared) {
            ObjectNode v = out.addObject();
            v.put("name", name);
            ProofChecker.Findings f = !judged.isOk()
                    ? new ProofChecker.Findings(List.of("judge: " + failure(judged)), List.of())
                    : ProofChecker.judgeDeclared(allowedAxioms, step.violations, elaborated, judged.declaration(name)
                            .orElse(new Declaration(name, false, null, false, List.of(), null, null, List.of())), judged.exportError());
            v.put("verdict", f.accepted() ? "accepted" : "rejected");
            f.reasons().forEach(v.putArray("reasons")::add);
            f.axioms().forEach(v.putArray("axioms")::add);
        }
        return out;
    }

    private LeanSession judgeSession(List<String> header) {
        LeanSession s = judges.get(header);
        if (s == null || !s.isAlive()) {
            s = start(header, "Lean's judge");
            judges.put(header, s);
        }
        return s;
    }

    private ObjectNode pickle(List<Ref> table, JsonNode id, JsonNode to, String unknown) {
        Ref ref = lookup(table, id, unknown);
        try {
            Path file = Path.of(to.asText());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Derivation.write(ref)));
        } catch (IOException e) {
            throw new ReplException("could not write the pickle " + to.asText() + ": " + e);
        }
        if (ref.env) {
            return ReplReplies.env(id.asInt());
        }
        // upstream answers a pickled proof state as a new one
        return proofStateAgain(ref);
    }

    /** {@code ref} under a new number, with its goals and status, as upstream answers a pickled proof state. */
    private ObjectNode proofStateAgain(Ref ref) {
        ensure(ref);
        ObjectNode body = JSON.createObjectNode();
        body.put("describe", ref.leanId);
        LeanResult r = sessions.get(ref.step.header).sendJson(body, timeout);
        if (!r.isOk() || r.reply().has("error")) {
            throw new ReplException("could not read the proof state: " + (r.isOk() ? r.reply().get("error") : failure(r)));
        }
        return ReplReplies.proofStep(number(proofStates, ref), r.reply(), List.of());
    }

    /**
     * Makes the environment or proof state of a pickle again: each step run anew on this header's Lean,
     * the last one's product numbered as upstream numbers an unpickled one.
     */
    private ObjectNode unpickle(String path, boolean env, JsonNode req) {
        JsonNode pickle;
        List<JsonNode> steps;
        try {
            pickle = JSON.readTree(Files.readString(Path.of(path)));
            steps = Derivation.steps(pickle);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReplException("could not read the pickle " + path + ": " + e.getMessage());
        }
        if (!pickle.path("kind").asText().equals(env ? "env" : "proofState")) {
            throw new ReplException("the pickle " + path + " holds " + (env ? "a proof state" : "an environment"));
        }
        if (!env && req.hasNonNull("env")) {
            lookup(envs, req.get("env"), "Unknown environment.");
        }
        List<String> header = new ArrayList<>();
        pickle.get("header").forEach(h -> header.add(h.asText()));
        Ref ref = null;
        for (JsonNode s : steps) {
            boolean tactic = s.has("tactic");
            Step step = new Step(header, ref, tactic, s.path(tactic ? "tactic" : "cmd").asText());
            step.rootGoals = s.path("rootGoals").asBoolean(false);
            step.allTactics = s.path("allTactics").asBoolean(false);
            run(step, timeout, false);
            int product = s.path("product").asInt();
            if (product >= step.products.size()) {
                throw new ReplException("could not make the pickle " + path + " again: the same request now gives other results");
            }
            ref = step.products.get(product);
        }
        if (env) {
            return ReplReplies.env(number(envs, ref));
        }
        return proofStateAgain(ref);
    }

    /** Forgets the numbers, and frees in Lean what no number names any more: one request per process. */
    private ObjectNode drop(JsonNode req) {
        Map<LeanSession, ObjectNode> bodies = new HashMap<>();
        forget(envs, req.path("dropEnvs"), "drop", bodies);
        forget(proofStates, req.path("dropProofStates"), "drop_proof_states", bodies);
        bodies.forEach((s, body) -> s.sendJson(body, timeout));
        return JSON.createObjectNode().put("dropped", true);
    }

    private void forget(List<Ref> table, JsonNode ids, String field, Map<LeanSession, ObjectNode> bodies) {
        for (JsonNode id : ids) {
            Ref ref = lookup(table, id, table == envs ? "Unknown environment." : "Unknown proof state.");
            table.set(id.asInt(), null);
            // another number may name the same state (a pickled proof state): Lean keeps it while one does
            if (ref.session != null && ref.session.isAlive() && !table.contains(ref)) {
                // Lean's REPL program reads a drop request by its "drop" list, which may be empty
                ObjectNode body = bodies.computeIfAbsent(ref.session, k -> {
                    ObjectNode b = JSON.createObjectNode();
                    b.putArray("drop");
                    return b;
                });
                body.withArrayProperty(field).add(ref.leanId);
            }
        }
    }

    private static Ref lookup(List<Ref> table, JsonNode id, String unknown) {
        if (id == null || !id.canConvertToInt() || id.asInt() < 0 || id.asInt() >= table.size()
                || table.get(id.asInt()) == null) {
            throw new ReplException(unknown);
        }
        return table.get(id.asInt());
    }

    /** Gives {@code ref} the next number of {@code table}; a pickled proof state gets a second one. */
    private static int number(List<Ref> table, Ref ref) {
        table.add(ref);
        return table.size() - 1;
    }

    @Override
    public void close() {
        sessions.values().forEach(LeanSession::close);
        judges.values().forEach(LeanSession::close);
        sessions.clear();
        judges.clear();
    }
}
