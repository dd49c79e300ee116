package dev.proofline.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real MCP exchange: the SDK's client starts {@code proofline mcp} as a process and talks to it over stdio. */
class McpExchangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static McpSyncClient client;

    @BeforeAll
    static void connect() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters server = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), "dev.proofline.cli.Main", "mcp").build();
        client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofMinutes(5)).build();
        client.initialize();
    }

    @AfterAll
    static void disconnect() {
        client.closeGracefully();
    }

    private static JsonNode call(String tool, Map<String, Object> args) throws Exception {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        return JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
    }

    @Test
    void theToolsAnAgentCallsAreListed() {
        var names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertTrue(names.containsAll(java.util.List.of("lean_command", "lean_tactic", "check_proof")), names.toString());
    }

    @Test
    void aSorryBecomesAProofStateThatTacticsComplete() throws Exception {
        JsonNode cmd = call("lean_command", Map.of("cmd", "theorem add0 (n : Nat) : n + 0 = n := by sorry"));
        JsonNode sorry = cmd.get("sorries").get(0);
        assertEquals("n : Nat\n⊢ n + 0 = n", sorry.get("goal").asText());
        JsonNode step = call("lean_tactic", Map.of("tactic", "rfl", "proofState", sorry.get("proofState").asInt()));
        assertEquals("Completed", step.get("proofStatus").asText(), step.toString());
        JsonNode verified = call("lean_command", Map.of("cmd", "theorem add0' (n : Nat) : n + 0 = n := rfl", "verify", true));
        assertEquals("accepted", verified.get("verdicts").get(0).get("verdict").asText(), verified.toString());
    }

    @Test
    void checkProofGivesChecksVerdict() throws Exception {
        JsonNode honest = call("check_proof", Map.of("statement", "theorem c1 (a b : Nat) : a + b = b + a",
                "proof", "Nat.add_comm a b"));
        assertEquals("accepted", honest.get("verdict").asText(), honest.toString());
        JsonNode cheat = call("check_proof", Map.of("statement", "theorem c2 : 1 = 2",
                "code", "axiom boom : 1 = 2\ntheorem c2 : 1 = 2 := boom"));
        assertEquals("rejected", cheat.get("verdict").asText(), cheat.toString());
        assertFalse(cheat.get("reasons").isEmpty());
    }
}
