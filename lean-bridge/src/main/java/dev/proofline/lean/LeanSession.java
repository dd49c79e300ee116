package dev.proofline.lean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.EvictingQueue;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * One started REPL process. Requests go one at a time; each has a wall-clock limit and a memory cap, and
 * a session that overruns either, or dies, is killed and answers {@code TIMEOUT}/{@code CRASHED} — it
 * never hangs. A dead session stays dead: the pool replaces it.
 *
 * <p>Replies are matched by a random request id, so nothing else Lean or the runtime prints on stdout
 * (the wasm build's {@code [DEBUG:…]} lines, output of proof text) can pass for a reply.
 */
public final class LeanSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom IDS = new SecureRandom();

    private final List<String> header;
    private final Path scratchDir;
    private final long memoryCapBytes;
    private final Process process;
    private final OutputStream stdin;
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final EvictingQueue<String> chatter = EvictingQueue.create(40);
    private final Object lock = new Object();
    private CompletableFuture<JsonNode> pending;
    private String pendingId;
    private volatile boolean dead;
    private volatile boolean retired;
    private String deathCause;
    private int served;

    private LeanSession(List<String> header, Path scratchDir, long memoryCapBytes, Process process,
                        OutputStream stdin) {
        this.header = List.copyOf(header);
        this.scratchDir = scratchDir;
        this.memoryCapBytes = memoryCapBytes;
        this.process = process;
        this.stdin = stdin;
    }

    /** Starts a REPL for {@code header} and waits until it has imported the header. */
    public static LeanSession start(LeanRuntime runtime, Path replProgram, List<String> header,
                                    Duration startTimeout, long memoryCapBytes) throws IOException {
        Path scratch = Files.createTempDirectory("proofline-scratch-");
        LeanLaunch launch = runtime.launch(replProgram, header, scratch);
        StreamCapture streams = new StreamCapture();
        ProcessCapturingExecutor executor = new ProcessCapturingExecutor(launch.workingDir(), streams);
        CommandLine line = new CommandLine(launch.command().get(0));
        launch.command().subList(1, launch.command().size()).forEach(a -> line.addArgument(a, false));
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putAll(launch.environment());
        DefaultExecuteResultHandler exit = new DefaultExecuteResultHandler();
        executor.execute(line, env, exit);
        // Commons Exec launches on its own thread: wait until the process and its streams are handed over
        try {
            CompletableFuture.anyOf(streams.started, CompletableFuture.runAsync(() -> {
                try {
                    exit.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw new IOException("could not launch " + launch.command().get(0) + ": " + e, e);
        }
        if (!streams.started.isDone()) {
            throw new IOException("could not launch " + String.join(" ", launch.command()) + ": " + exit.getException());
        }
        LeanSession session = new LeanSession(header, scratch, memoryCapBytes, executor.process, streams.stdin);
        session.startReaders(streams.stdout, streams.stderr);
        try {
            session.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.close();
            throw new IOException("Lean did not become ready within " + startTimeout.toSeconds() + " s"
                    + session.lastOutput());
        } catch (ExecutionException | InterruptedException e) {
            session.close();
            if (e.getCause() instanceof HeaderNotImported h) {
                throw h;
            }
            throw new IOException("Lean failed to start: " + e.getCause() + session.lastOutput());
        }
        return session;
    }

    /** Lean started but could not import the header (a module it does not have): the header's fault, not Lean's. */
    public static final class HeaderNotImported extends IOException {
        HeaderNotImported(String leanError) {
            super(leanError);
        }
    }

    public List<String> header() {
        return header;
    }

    public boolean isAlive() {
        return !dead && process.isAlive();
    }

    /**
     * Has the pool close this session when it is handed back instead of reusing it: it ran code that may have
     * changed the process for whoever comes next.
     */
    public void retire() {
        retired = true;
    }

    public boolean isRetired() {
        return retired;
    }

    public int requestsServed() {
        return served;
    }

    /** Resident memory of the Lean process (Node and its threads), or 0 where /proc is not available. */
    public long rssBytes() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or this is not Linux: no reading
        }
        return 0;
    }

    /** The process id, e.g. to watch or stop the Lean process from outside. */
    public long pid() {
        return process.pid();
    }

    /** Sends one request and waits for its reply, at most {@code timeout}. */
    public LeanResult send(LeanRequest request, Duration timeout) {
        Reply reply = exchange(encode(request), timeout);
        return reply.failure() != null ? reply.failure() : decode(reply.node(), reply.ms());
    }

    /**
     * Sends a request of the REPL program's own protocol (a session command, a tactic, a drop) and waits for
     * its reply, at most {@code timeout}; the result's {@code reply} is all of it.
     */
    public LeanResult sendJson(ObjectNode body, Duration timeout) {
        Reply reply = exchange(body.deepCopy(), timeout);
        return reply.failure() != null ? reply.failure() : decode(reply.node(), reply.ms());
    }

    /** Frees environments and proof states this session kept; environment 0, the header, stays. */
    public LeanResult drop(List<Integer> envs, List<Integer> proofStates, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        envs.forEach(body.putArray("drop")::add);
        proofStates.forEach(body.putArray("drop_proof_states")::add);
        Reply reply = exchange(body, timeout);
        return reply.failure() != null ? reply.failure()
                : LeanResult.withoutReply(LeanResult.Status.OK, reply.ms(), "dropped " + envs);
    }

    /** Lean's reply, or the result that says why there is none. */
    private record Reply(JsonNode node, LeanResult failure, long ms) {}

    private Reply exchange(ObjectNode body, Duration timeout) {
        synchronized (lock) {
            long t0 = System.nanoTime();
            if (!isAlive()) {
                return failed(LeanResult.Status.CRASHED, t0, "the Lean process had already exited" + lastOutput());
            }
            String id = HexFormat.of().toHexDigits(IDS.nextLong());
            body.put("id", id);
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            synchronized (this) {
                pending = reply;
                pendingId = id;
            }
            try {
                stdin.write((JSON.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                kill("its input closed: " + e.getMessage());
                return failed(LeanResult.Status.CRASHED, t0, "Lean's input closed" + lastOutput());
            }
            long deadline = t0 + timeout.toNanos();
            while (true) {
                try {
                    JsonNode node = reply.get(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                            TimeUnit.MILLISECONDS);
                    served++;
                    return new Reply(node, null, elapsedMs(t0));
                } catch (TimeoutException e) {
                    long rss = rssBytes();
                    if (rss > memoryCapBytes) {
                        kill("memory cap");
                        return failed(LeanResult.Status.CRASHED, t0, "killed: memory " + rss / (1 << 20)
                                + " MB over the cap of " + memoryCapBytes / (1 << 20) + " MB");
                    }
                    if (System.nanoTime() >= deadline) {
                        kill("timeout");
                        return failed(LeanResult.Status.TIMEOUT, t0,
                                "no reply within " + timeout.toMillis() + " ms; the process was killed");
                    }
                } catch (ExecutionException e) {
                    return failed(LeanResult.Status.CRASHED, t0, e.getCause().getMessage() + lastOutput());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    kill("interrupted");
                    return failed(LeanResult.Status.CRASHED, t0, "interrupted");
                }
            }
        }
    }

    private static Reply failed(LeanResult.Status status, long t0, String detail) {
        return new Reply(null, LeanResult.withoutReply(status, elapsedMs(t0), detail), elapsedMs(t0));
    }

    private static ObjectNode encode(LeanRequest r) {
        ObjectNode o = JSON.createObjectNode();
        if (r.isJudgement()) {
            o.set("judge", r.judge());
        } else {
            o.put("cmd", r.cmd());
        }
        if (r.env() != null) {
            o.put("env", r.env());
        }
        if (r.heartbeats() != null) {
            o.put("heartbeats", r.heartbeats());
        }
        if (!r.axiomsOf().isEmpty()) {
            r.axiomsOf().forEach(o.putArray("axioms_of")::add);
        }
        o.put("keep", r.keep());
        if (r.reference() != null) {
            o.put("reference", r.reference());
        }
        if (r.export()) {
            o.put("export", true);
        }
        if (r.parseOnly()) {
            o.put("parse_only", true);
        }
        if (r.prelude() != null) {
            o.put("prelude", r.prelude());
        }
        if (!r.targets().isEmpty()) {
            r.targets().forEach(o.putArray("targets")::add);
        }
        if (!r.options().isEmpty()) {
            var options = o.putArray("options");
            r.options().forEach((name, value) -> options.addArray().add(name).addPOJO(value));
        }
        return o;
    }

    private static LeanResult decode(JsonNode n, long elapsedMs) {
        if (n.has("error")) {
            return LeanResult.withoutReply(LeanResult.Status.REFUSED, elapsedMs, n.get("error").asText());
        }
        List<LeanMessage.Position> sorries = new ArrayList<>();
        // a sorry of a tactic's text has no position in the command
        n.path("sorries").forEach(s -> {
            if (s.hasNonNull("pos")) {
                sorries.add(position(s.get("pos")));
            }
        });
        List<Declaration> decls = new ArrayList<>();
        n.path("declarations").forEach(d -> decls.add(new Declaration(d.path("name").asText(), d.path("found").asBoolean(),
                d.path("kind").asText(null), d.path("imported").asBoolean(), texts(d.path("axioms")),
                d.has("same_type") ? d.get("same_type").asBoolean() : null, d.path("replay").asText(null),
                texts(d.path("changed")))));
        JsonNode syntax = n.path("syntax");
        ParsedSyntax parsed = new ParsedSyntax(occurrences(syntax.path("commands")), occurrences(syntax.path("kinds")),
                occurrences(syntax.path("options")), occurrences(syntax.path("attributes")),
                occurrences(syntax.path("identifiers")), occurrences(syntax.path("config_fields")),
                occurrences(syntax.path("config_values")));
        Integer env = n.hasNonNull("env") ? n.get("env").asInt() : null;
        return new LeanResult(LeanResult.Status.OK, env, messages(n.path("messages")), sorries, decls, parsed,
                texts(n.path("targets")), messages(n.path("reference_errors")), messages(n.path("prelude_errors")),
                n.get("export"), n.path("export_error").asText(null), elapsedMs, null, n);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    private static List<LeanMessage> messages(JsonNode array) {
        List<LeanMessage> messages = new ArrayList<>();
        array.forEach(m -> messages.add(new LeanMessage(m.path("severity").asText(), position(m.get("pos")),
                position(m.get("endPos")), m.path("data").asText())));
        return messages;
    }

    private static List<ParsedSyntax.Occurrence> occurrences(JsonNode array) {
        List<ParsedSyntax.Occurrence> out = new ArrayList<>();
        array.forEach(o -> out.add(new ParsedSyntax.Occurrence(o.path("name").asText(), position(o.get("pos")))));
        return out;
    }

    private static LeanMessage.Position position(JsonNode p) {
        return p == null || p.isNull() ? null : new LeanMessage.Position(p.path("line").asInt(), p.path("column").asInt());
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private void startReaders(InputStream stdout, InputStream stderr) {
        Thread out = new Thread(() -> readStdout(stdout), "lean-stdout-" + process.pid());
        Thread err = new Thread(() -> readLines(stderr, line -> remember("stderr: " + line)), "lean-stderr-" + process.pid());
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    private void readStdout(InputStream stdout) {
        readLines(stdout, line -> {
            JsonNode node = line.startsWith("{") ? parse(line) : null;
            if (node != null && node.has("ready") && !ready.isDone()) {
                if (node.path("ready").asBoolean(false)) {
                    ready.complete(node);
                } else {
                    ready.completeExceptionally(new HeaderNotImported(node.path("error").asText()));
                }
                return;
            }
            synchronized (this) {
                if (node != null && pending != null && pendingId.equals(node.path("id").asText(null))) {
                    pending.complete(node);
                    pending = null;
                    return;
                }
            }
            remember(line);
        });
        dead = true;
        IOException gone = new IOException("the Lean process exited" + (deathCause == null ? "" : " (" + deathCause + ")"));
        ready.completeExceptionally(gone);
        synchronized (this) {
            if (pending != null) {
                pending.completeExceptionally(gone);
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static void readLines(InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the stream closed with the process: nothing more to read
        }
    }

    private void remember(String line) {
        synchronized (chatter) {
            chatter.add(line.length() > 500 ? line.substring(0, 500) + "…" : line);
        }
    }

    /** The last lines the process printed that were not replies, for error reports. */
    private String lastOutput() {
        synchronized (chatter) {
            List<String> useful = chatter.stream().filter(l -> !l.startsWith("[DEBUG:")).toList();
            if (useful.isEmpty()) {
                useful = List.copyOf(chatter).subList(Math.max(0, chatter.size() - 5), chatter.size());
            }
            return useful.isEmpty() ? "" : "\nLean's last output:\n  " + String.join("\n  ", useful);
        }
    }

    private void kill(String cause) {
        deathCause = cause;
        dead = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill("closed");
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            com.google.common.io.MoreFiles.deleteRecursively(scratchDir,
                    com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException e) {
            // a scratch dir left in the temp folder is harmless
        }
    }

    /** Commons Exec hides the {@link Process}; the session needs it for its pid and to kill it. */
    private static final class ProcessCapturingExecutor extends DefaultExecutor {
        volatile Process process;

        @SuppressWarnings("deprecation") // the builder cannot make a subclass; this constructor can
        ProcessCapturingExecutor(Path dir, ExecuteStreamHandler streams) {
            setWorkingDirectory(dir.toFile());
            setStreamHandler(streams);
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
            process = super.launch(command, env, dir);
            return process;
        }
    }

    /** Hands the process's streams to the session instead of pumping them. */
    private static final class StreamCapture implements ExecuteStreamHandler {
        OutputStream stdin;
        InputStream stdout;
        InputStream stderr;

        @Override public void setProcessInputStream(OutputStream os) { stdin = os; }
        @Override public void setProcessOutputStream(InputStream is) { stdout = is; }
        @Override public void setProcessErrorStream(InputStream is) { stderr = is; }
        final CompletableFuture<Void> started = new CompletableFuture<>();

        @Override public void start() { started.complete(null); }
        @Override public void stop() {}
    }
}
