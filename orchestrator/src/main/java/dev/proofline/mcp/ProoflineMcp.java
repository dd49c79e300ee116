package dev.proofline.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.check.Candidate;
import dev.proofline.check.Problem;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import dev.proofline.lean.Lean;
import dev.proofline.lean.LeanPool;
import dev.proofline.lean.LeanRuntime;
import dev.proofline.repl.CommunityRepl;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Proofline as an MCP server on stdio (the official MCP Java SDK): the tools an agent proving theorems
 * calls — a Lean command, a tactic on a proof state (both the REPL's, {@link CommunityRepl}), and a
 * candidate proof checked against a statement with {@code check}'s verdict.
 */
public final class ProoflineMcp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommunityRepl repl;
    private final LeanRuntime runtime;
    private final Duration timeout;
    private LeanPool pool;

    public ProoflineMcp(LeanRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeout = timeout;
        this.repl = CommunityRepl.builder().runtime(runtime).timeout(timeout).build();
    }

    /** Serves the tools on {@code in}/{@code out} until {@code in} ends. */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    ended.countDown();
                }
                return c;
            }
        };
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(JSON);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, watched, out))
                .serverInfo("proofline", "0.1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools(mapper))
                .build();
        ended.await();
        server.closeGracefully();
    }

    private List<SyncToolSpecification> tools(JacksonMcpJsonMapper mapper) {
        return List.of(
                tool(mapper, "lean_command", "Runs Lean commands, as leanprover-community/repl's {\"cmd\", \"env\"}: "
                        + "replies with the new env, messages, and each sorry's goal and proofState. verify: true adds "
                        + "Proofline's verdict for each theorem the command declares (accepted only if no forbidden "
                        + "syntax, no sorry, only standard axioms, and a clean kernel replay).", """
                        {"type": "object", "properties": {
                          "cmd": {"type": "string", "description": "Lean source; may start with imports when env is absent"},
                          "env": {"type": "integer", "description": "an env from an earlier reply to build on"},
                          "verify": {"type": "boolean"},
                          "timeout": {"type": "integer", "description": "milliseconds"}},
                         "required": ["cmd"]}""", this::replRequest),
                tool(mapper, "lean_tactic", "Runs one tactic on a proof state (from a sorry or an earlier tactic): "
                        + "replies with the new proofState, its goals and proofStatus (\"Completed\" once the kernel "
                        + "accepted the whole proof).", """
                        {"type": "object", "properties": {
                          "tactic": {"type": "string"},
                          "proofState": {"type": "integer"},
                          "timeout": {"type": "integer", "description": "milliseconds"}},
                         "required": ["tactic", "proofState"]}""", this::replRequest),
                tool(mapper, "check_proof", "Checks a candidate proof of a theorem statement as `proofline check` does "
                        + "and replies with the verdict (accepted, rejected, invalid, timeout, crashed) and its reasons.", """
                        {"type": "object", "properties": {
                          "statement": {"type": "string", "description": "e.g. theorem t (a b : Nat) : a + b = b + a"},
                          "proof": {"type": "string", "description": "what follows :=, e.g. by omega"},
                          "code": {"type": "string", "description": "instead of proof: the whole declaration"},
                          "preamble": {"type": "string", "description": "trusted definitions the statement uses"},
                          "imports": {"type": "array", "items": {"type": "string"}}},
                         "required": ["statement"]}""", this::check));
    }

    private static SyncToolSpecification tool(JacksonMcpJsonMapper mapper, String name, String description,
            String schema, Function<JsonNode, JsonNode> handler) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(name).description(description).inputSchema(mapper, schema).build())
                .callHandler((exchange, request) -> {
                    JsonNode reply = handler.apply(JSON.valueToTree(request.arguments()));
                    boolean failed = reply.has("message") && reply.size() == 1;
                    return McpSchema.CallToolResult.builder().addTextContent(reply.toString())
                            .structuredContent(JSON.convertValue(reply, Map.class)).isError(failed).build();
                })
                .build();
    }

    /** The REPL is one conversation: requests are answered one at a time. */
    private synchronized JsonNode replRequest(JsonNode args) {
        return repl.handle(args);
    }

    private synchronized JsonNode check(JsonNode args) {
        ObjectNode out = JSON.createObjectNode();
        Problem problem;
        try {
            List<String> imports = args.has("imports") ? JSON.convertValue(args.get("imports"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class)) : List.of();
            problem = new Problem("mcp", imports, args.path("preamble").asText(null), args.path("statement").asText(null),
                    null, List.of());
        } catch (IllegalArgumentException e) {
            return out.put("message", e.getMessage());
        }
        if (pool == null) {
            try {
                pool = Lean.pool().runtime(runtime).workers(1).timeout(timeout).open();
            } catch (IOException e) {
                return out.put("message", "could not start Lean: " + e.getMessage());
            }
        }
        Verdict v = new ProofChecker(pool, ProofChecker.STANDARD_AXIOMS).check(problem,
                new Candidate("mcp", null, args.path("proof").asText(null), args.path("code").asText(null)), "mcp");
        return JSON.valueToTree(v);
    }

    @Override
    public void close() {
        repl.close();
        if (pool != null) {
            pool.close();
        }
    }
}
