package dev.proofline.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.Jsonl;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code proofline serve} over real Lean, called over HTTP as Kimina's client and curl call it. */
class ProoflineServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Compiled code that runs for far longer than any test waits (a minute or more), in little memory. */
    static final String SLOW = "def loop : Nat → Nat → Nat\n  | 0, acc => acc\n  | n+1, acc => loop n (acc + n)\n"
            + "#eval loop 200000000 0";
    static LeanPool pool;
    static ProoflineServer server;

    @BeforeAll
    static void start() throws IOException {
        pool = Lean.pool().workers(2).sessions(3).warmJudges().timeout(Duration.ofSeconds(60)).open();
        server = ProoflineServer.builder(pool).port(0).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    static HttpResponse<String> post(ProoflineServer s, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String snippets(Object... idsAndCodes) {
        ObjectNode req = JSON.createObjectNode();
        ArrayNode list = req.putArray("snippets");
        for (int i = 0; i < idsAndCodes.length; i += 2) {
            list.addObject().put("id", (String) idsAndCodes[i]).put("code", (String) idsAndCodes[i + 1]);
        }
        return req.toString();
    }

    static Map<String, JsonNode> results(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        JSON.readTree(r.body()).get("results").forEach(x -> byId.put(x.has("id") ? x.get("id").asText()
                : x.get("custom_id").asText(), x));
        return byId;
    }

    /** Kimina's client's rule (kimina_client.models): valid = no error-severity message and no sorry. */
    static boolean kiminaValid(JsonNode result) {
        JsonNode response = result.get("response");
        if (result.has("error") || response == null || response.has("message")) {
            return false;
        }
        for (JsonNode m : response.path("messages")) {
            if (m.path("severity").asText().equals("error")) {
                return false;
            }
        }
        return response.path("sorries").isEmpty();
    }

    @Test
    void honestVerdictsForValidWrongSorryAndCheatingSnippets() throws Exception {
        Path planted = Files.createTempFile("proofline-serve", ".txt");
        Files.delete(planted);
        Map<String, JsonNode> r = results(post(server, "/api/check", snippets(
                "valid", "theorem t (a b : Nat) : a + b = b + a := Nat.add_comm a b",
                "imports", "import Std\ntheorem t6 (xs : List Nat) : xs ++ [] = xs := by simp",
                "wrong", "theorem t2 : 1 = 2 := rfl",
                "sorry", "theorem t3 : 1 = 1 := by sorry",
                "axiom", "axiom cheat : False\ntheorem t4 : 1 = 2 := cheat.elim",
                "native", "theorem t5 : 10 < 20 := by native_decide",
                "sorryAx", "theorem t7 : 1 = 2 := sorryAx _ false",
                "io", "#eval IO.FS.writeFile \"" + planted + "\" \"ran\"\ntheorem t8 : True := trivial",
                "query", "#check Nat")));
        assertTrue(kiminaValid(r.get("valid")), r.get("valid").toString());
        assertEquals("accepted", r.get("valid").at("/judgement/theorems/0/verdict").asText());
        assertTrue(kiminaValid(r.get("imports")), r.get("imports").toString());
        assertTrue(kiminaValid(r.get("query")));
        assertEquals("Nat : Type", r.get("query").at("/response/messages/0/data").asText());
        assertFalse(kiminaValid(r.get("wrong")));
        assertFalse(kiminaValid(r.get("sorry")));
        assertEquals("⊢ 1 = 1", r.get("sorry").at("/response/sorries/0/goal").asText());
        // what Kimina's rule alone lets through, Proofline refuses with an error message that the rule sees
        for (String cheat : List.of("axiom", "native", "sorryAx", "io")) {
            JsonNode c = r.get(cheat);
            assertFalse(kiminaValid(c), cheat + ": " + c);
            assertFalse(c.at("/judgement/valid").asBoolean(), cheat);
            assertTrue(c.at("/response/messages").toString().contains("Proofline"), cheat + ": " + c);
        }
        assertTrue(r.get("sorryAx").at("/judgement/refusals/0").asText().contains("sorry"), r.get("sorryAx").toString());
        assertTrue(r.get("axiom").at("/judgement/refusals/0").asText().contains("axiom"));
        assertFalse(Files.exists(planted), "a judged snippet's #eval must never run");
    }

    @Test
    void plainGivesKiminasVerdictAndLegacyVerifyItsShape() throws Exception {
        String axiom = "axiom cheat : False\ntheorem t4 : 1 = 2 := cheat.elim";
        ObjectNode req = (ObjectNode) JSON.readTree(snippets("axiom", axiom, "sorryAx", "theorem t7 : 1 = 2 := sorryAx _ false"));
        req.put("judge", false);
        Map<String, JsonNode> plain = results(post(server, "/api/check", req.toString()));
        assertTrue(kiminaValid(plain.get("axiom")), "Kimina's own rule passes an injected axiom: " + plain.get("axiom"));
        assertTrue(kiminaValid(plain.get("sorryAx")), plain.get("sorryAx").toString());
        assertNull(plain.get("axiom").get("judgement"));

        ObjectNode legacy = JSON.createObjectNode().put("timeout", 60);
        legacy.putArray("codes").add(JSON.createObjectNode().put("custom_id", 7).put("proof", axiom))
                .add(JSON.createObjectNode().put("custom_id", "ok").put("code", "theorem v : 2 = 2 := rfl"));
        Map<String, JsonNode> v = results(post(server, "/verify", legacy.toString()));
        assertTrue(v.get("ok").at("/response/time").isNumber(), v.get("ok").toString());
        assertTrue(kiminaValid(v.get("ok")));
        assertFalse(kiminaValid(v.get("7")), v.get("7").toString());
        assertEquals(v.keySet(), results(post(server, "/one_pass_verify_batch", legacy.toString())).keySet());
    }

    @Test
    void timeoutsAreKiminasTimeoutErrorsAndTheNextSnippetRuns() throws Exception {
        ObjectNode req = (ObjectNode) JSON.readTree(snippets("slow", "#eval (List.range 20000000).foldl (· + ·) 0",
                "fine", "theorem f : 3 = 3 := rfl"));
        req.put("timeout", 2).put("judge", false);
        Map<String, JsonNode> r = results(post(server, "/api/check", req.toString()));
        assertEquals("Lean REPL command timed out in 2 seconds", r.get("slow").get("error").asText(), r.toString());
        assertNull(r.get("slow").get("response"));
        assertTrue(kiminaValid(r.get("fine")), r.get("fine").toString());
    }

    @Test
    void badRequestsGetOneLineEach() throws Exception {
        HttpResponse<String> malformed = post(server, "/api/check", "{\"snippets\": [");
        assertEquals(422, malformed.statusCode());
        assertTrue(JSON.readTree(malformed.body()).get("detail").asText().startsWith("request: not valid JSON"));
        HttpResponse<String> unknown = post(server, "/api/check", "{\"snippets\": [{\"id\": \"a\", \"code\": \"#check Nat\"}], \"timout\": 3}");
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown field timout"), unknown.body());
        HttpResponse<String> missing = post(server, "/api/check", "{\"snippets\": [{\"id\": \"a\"}]}");
        assertEquals(422, missing.statusCode());
        assertTrue(missing.body().contains("snippets[0].code: missing"), missing.body());
        HttpResponse<String> twice = post(server, "/api/check", snippets("a", "#check Nat", "a", "#check Int"));
        assertEquals(422, twice.statusCode());
        assertTrue(twice.body().contains("unique"), twice.body());
        assertEquals(422, post(server, "/api/check", "{\"snippets\": []}").statusCode());
        assertEquals(404, post(server, "/api/nothing", "{}").statusCode());

        ProoflineServer small = ProoflineServer.builder(pool).port(0).maxBodyBytes(1000).apiKey("sesame").start();
        try {
            HttpResponse<String> big = post(small, "/api/check", snippets("a", "-- " + "x".repeat(5000)),
                    "Authorization", "Bearer sesame");
            assertEquals(413, big.statusCode());
            assertTrue(big.body().contains("over the limit of 1000 bytes"), big.body());
            HttpResponse<String> noKey = post(small, "/api/check", snippets("a", "#check Nat"));
            assertEquals(401, noKey.statusCode());
            assertEquals("Missing API key", JSON.readTree(noKey.body()).get("detail").asText());
            assertEquals(401, post(small, "/api/check", snippets("a", "#check Nat"), "Authorization", "Bearer nope").statusCode());
            assertTrue(kiminaValid(results(post(small, "/api/check", snippets("a", "#check Nat"),
                    "Authorization", "Bearer sesame")).get("a")));
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", health.body());
        } finally {
            small.close();
        }
    }

    @Test
    void fiveHundredSnippetsFromEightClientsNothingLostOrDuplicated() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        Map<String, Boolean> valid = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int from = client; from < 500; from += 8 * 8) {
                    List<Object> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(500, from + 8 * 8); i += 8) {
                        // every seventh is false: its theorem does not hold
                        batch.add("n" + i);
                        batch.add(i % 7 == 0 ? "theorem n" + i + " : " + i + " + 1 = " + i + " := rfl"
                                : "theorem n" + i + " : " + i + " + 0 = " + i + " := rfl");
                    }
                    for (JsonNode r : results(post(server, "/api/check", snippets(batch.toArray()))).values()) {
                        seen.merge(r.get("id").asText(), 1, Integer::sum);
                        valid.put(r.get("id").asText(), kiminaValid(r));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        assertEquals(500, seen.size());
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each snippet answered once");
        for (int i = 0; i < 500; i++) {
            assertEquals(i % 7 != 0, valid.get("n" + i), "n" + i);
        }
    }

    @Test
    void overloadIsAnswered429AndRetriesLoseNothing() throws Exception {
        ProoflineServer tight = ProoflineServer.builder(pool).port(0).queueCapacity(3).start();
        AtomicInteger tooMany = new AtomicInteger();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int k = 0; k < 4; k++) {
                        String a = "c" + client + "k" + k + "a";
                        String b = "c" + client + "k" + k + "b";
                        String body = snippets(a, "theorem " + a + " : 1 + 1 = 2 := rfl", b, "theorem " + b + " : 2 = 2 := rfl");
                        while (true) {
                            HttpResponse<String> r = post(tight, "/api/check", body);
                            if (r.statusCode() == 429) {
                                assertTrue(r.headers().firstValue("Retry-After").isPresent());
                                tooMany.incrementAndGet();
                                Thread.sleep(100);
                                continue;
                            }
                            results(r).keySet().forEach(id -> seen.merge(id, 1, Integer::sum));
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
            tight.close();
        }
        assertTrue(tooMany.get() > 0, "8 clients against a queue of 3 must meet 429");
        assertEquals(64, seen.size());
        assertTrue(seen.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void aClientThatGoesAwayFreesItsWork() throws Exception {
        double killedBefore = metric("proofline_sessions_crashed_total");
        ObjectNode slow = (ObjectNode) JSON.readTree(snippets("slow", SLOW));
        slow.put("timeout", 120).put("judge", false);
        String body = slow.toString();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (metric("proofline_queue_running") < 1 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals(1.0, metric("proofline_queue_running"));
        }
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (metric("proofline_queue_running") > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(0.0, metric("proofline_queue_running"), "the snippet's Lean was stopped, not left to run");
        assertEquals(killedBefore + 1, metric("proofline_sessions_crashed_total"));
    }

    @Test
    void checkEndpointGivesTheVerdictsCheckGives() throws Exception {
        Path sample = Path.of("..", "problems", "samples", "basic");
        ObjectNode req = JSON.createObjectNode();
        ArrayNode problems = req.putArray("problems");
        ArrayNode candidates = req.putArray("candidates");
        for (String l : Files.readAllLines(sample.resolve("problems.jsonl"))) {
            if (!l.isBlank()) {
                problems.add(JSON.readTree(l));
            }
        }
        List<String> lines = Files.readAllLines(sample.resolve("candidates.jsonl")).stream()
                .filter(l -> !l.isBlank()).limit(12).toList();
        for (String l : lines) {
            try {
                candidates.add(JSON.readTree(l));
            } catch (IOException e) {
                candidates.add(l); // a bad line of the sample stays bad here: a record that is not an object
            }
        }
        HttpResponse<String> r = post(server, "/check", req.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode verdicts = JSON.readTree(r.body()).get("verdicts");
        assertEquals(lines.size(), verdicts.size());

        Path file = Files.createTempFile("candidates", ".jsonl");
        Files.write(file, lines);
        ProblemSet set = ProblemSet.readJsonl(sample.resolve("problems.jsonl"));
        ProofChecker checker = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS);
        List<BatchCheck.Job> jobs = BatchCheck.jobs(file, set);
        for (int i = 0; i < jobs.size(); i++) {
            BatchCheck.Job job = jobs.get(i);
            Verdict direct = job.invalid() != null ? job.invalid()
                    : checker.check(set.byId().get(job.problem()), job.candidate(), job.candidateId());
            JsonNode served = verdicts.get(i);
            assertEquals(direct.candidate(), served.get("candidate").asText(), served.toString());
            assertEquals(direct.verdict().name(), served.get("verdict").asText(), served.toString());
            if (job.invalid() == null) {
                assertEquals(Jsonl.JSON.valueToTree(direct.reasons()), served.get("reasons"));
            }
            String expect = JSON.readTree(lines.get(i).startsWith("{") && lines.get(i).endsWith("}") ? lines.get(i) : "{}")
                    .path("expect").asText(null);
            if (expect != null) {
                assertTrue(expect.startsWith(direct.verdict().name()), lines.get(i) + " -> " + served);
            }
        }
        Files.delete(file);
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        results(post(server, "/api/check", snippets("m", "theorem m : 0 = 0 := rfl")));
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String name : List.of("proofline_http_requests_seconds_bucket{", "proofline_verdicts_total{kind=\"valid\"}",
                "proofline_queue_length ", "proofline_sessions_started_total ", "proofline_sessions_crashed_total ",
                "proofline_sessions_recycled_total ", "proofline_check_seconds_count ")) {
            assertTrue(text.contains(name), name + " missing from:\n" + text);
        }
        assertTrue(metric("proofline_sessions_started_total") >= 4, "2 workers and 2 judges at least");
    }

    @Test
    void aStoppedServerFinishesWhatIsInFlightFailsTheRestAndAnotherTakesItsPort() throws Exception {
        ProoflineServer first = ProoflineServer.builder(pool).port(0).start();
        int port = first.port();
        ExecutorService client = Executors.newFixedThreadPool(2);
        // one request far longer than the grace period, running; then a quick one, in flight when the stop comes
        ObjectNode slowRequest = (ObjectNode) JSON.readTree(snippets("slow", SLOW));
        slowRequest.put("timeout", 120).put("judge", false);
        Future<HttpResponse<String>> slow = client.submit(() -> post(first, "/api/check", slowRequest.toString()));
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (metric(first, "proofline_queue_running") < 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Future<HttpResponse<String>> quick = client.submit(() -> post(first, "/api/check",
                snippets("a", "theorem a : 5 + 5 = 10 := rfl", "b", "theorem b : 6 = 6 := rfl")));
        until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (metric(first, "proofline_queue_running") + metric(first, "proofline_queue_length") < 2 && !quick.isDone()
                && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        first.stop(Duration.ofSeconds(4));
        assertTrue(kiminaValid(results(quick.get()).get("a")), "finished within the grace period");
        HttpResponse<String> failed = slow.get();
        assertEquals(503, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("shutting down"), failed.body());
        client.shutdown();

        ProoflineServer again = ProoflineServer.builder(pool).port(port).start();
        try {
            assertTrue(kiminaValid(results(post(again, "/api/check", snippets("c", "theorem c : 7 = 7 := rfl"))).get("c")));
        } finally {
            again.close();
        }
    }

    static double metric(String name) throws Exception {
        return metric(server, name);
    }

    /** A metric's value; 0 where it has none yet. */
    static double metric(ProoflineServer s, String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        return 0;
    }
}
