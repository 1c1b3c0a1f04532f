package it.io.fleetdashboard.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server end to end with a small MCP client (streamable HTTP over java.net.http): tokens made through the
 * admin API, initialize, tools/list, tools/call, role scoping, revocation and malformed messages.
 */
class McpIT {

    static final String PROTOCOL = "2025-06-18";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Long> CREATED = new ArrayList<>();

    static String viewerToken;
    static String operatorToken;

    @BeforeAll
    static void clients() {
        Api.healthyFleet();
        viewerToken = create("it-mcp-viewer-" + UUID.randomUUID(), "viewer");
        operatorToken = create("it-mcp-operator-" + UUID.randomUUID(), "operator");
    }

    @AfterAll
    static void revokeAll() {
        for (long id : CREATED) {
            Api.post("/api/v1/mcp/clients/" + id + "/revoke", null);
        }
    }

    static String create(String name, String role) {
        HttpResponse<String> response = Api.post("/api/v1/mcp/clients",
                Json.createObjectBuilder().add("name", name).add("role", role).build().toString());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject client = Api.json(response.body()).asJsonObject();
        CREATED.add(client.getJsonNumber("id").longValue());
        assertEquals(role, client.getString("role"));
        return client.getString("token");
    }

    /** One MCP session of a client: initialize, then requests with its Mcp-Session-Id. */
    static final class Session {
        final String token;
        final AtomicInteger ids = new AtomicInteger();
        String id;
        JsonObject initialized;

        Session(String token) {
            this.token = token;
        }

        Session open() {
            HttpResponse<String> response = post(message("initialize", Json.createObjectBuilder()
                    .add("protocolVersion", PROTOCOL).add("capabilities", Json.createObjectBuilder())
                    .add("clientInfo", Json.createObjectBuilder().add("name", "McpIT").add("version", "1"))), null);
            assertEquals(200, response.statusCode(), response.body());
            id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
            initialized = answer(response);
            HttpResponse<String> ack = post(Json.createObjectBuilder().add("jsonrpc", "2.0")
                    .add("method", "notifications/initialized").build().toString(), id);
            assertEquals(202, ack.statusCode(), ack.body());
            return this;
        }

        String message(String method, jakarta.json.JsonObjectBuilder params) {
            return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", ids.incrementAndGet())
                    .add("method", method).add("params", params).build().toString();
        }

        JsonObject request(String method, jakarta.json.JsonObjectBuilder params) {
            HttpResponse<String> response = post(message(method, params), id);
            assertEquals(200, response.statusCode(), response.body());
            return answer(response);
        }

        /** tools/call: the result (content, isError). */
        JsonObject call(String tool, jakarta.json.JsonObjectBuilder arguments) {
            JsonObject answer = request("tools/call", Json.createObjectBuilder().add("name", tool)
                    .add("arguments", arguments));
            assertFalse(answer.containsKey("error"), answer.toString());
            return answer.getJsonObject("result");
        }

        HttpResponse<String> post(String body, String session) {
            return McpIT.post(token, body, session);
        }

        void close() {
            HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/mcp"))
                    .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", id).DELETE());
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    static HttpResponse<String> post(String token, String body, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("MCP request failed: " + e, e);
        }
    }

    /** The JSON-RPC answer of a response: the JSON body, or the last data event of an event stream. */
    static JsonObject answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/event-stream")) {
            String data = null;
            for (String line : response.body().lines().toList()) {
                if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                }
            }
            assertNotNull(data, "no data event in " + response.body());
            return Api.json(data).asJsonObject();
        }
        assertTrue(type.startsWith("application/json"), type + ": " + response.body());
        return Api.json(response.body()).asJsonObject();
    }

    static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    @Test
    void initializeNegotiatesAndOffersTools() {
        Session session = new Session(viewerToken).open();
        JsonObject result = session.initialized.getJsonObject("result");
        assertEquals(PROTOCOL, result.getString("protocolVersion"));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"), result.toString());
        assertEquals("fleet-dashboard", result.getJsonObject("serverInfo").getString("name"));
        assertTrue(session.request("ping", Json.createObjectBuilder()).containsKey("result"));
        session.close();
        HttpResponse<String> after = session.post(session.message("ping", Json.createObjectBuilder()), session.id);
        assertEquals(404, after.statusCode(), "a deleted session is gone: " + after.body());
    }

    @Test
    void toolsListNamesTheAssistantsToolsWithTheirSchemas() {
        Session session = new Session(viewerToken).open();
        JsonObject list = session.request("tools/list", Json.createObjectBuilder()).getJsonObject("result");
        Set<String> names = list.getJsonArray("tools").stream().map(t -> t.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("fleet_summary", "list_endpoints", "list_containers", "list_stacks", "list_images",
                "container_details", "metrics_top", "metrics_series_summary", "anomalies", "recent_logs",
                "health_alerts"), names);
        JsonObject details = list.getJsonArray("tools").stream().map(t -> t.asJsonObject())
                .filter(t -> t.getString("name").equals("container_details")).findFirst().orElseThrow();
        JsonObject schema = details.getJsonObject("inputSchema");
        assertEquals("object", schema.getString("type"));
        assertTrue(schema.getJsonObject("properties").containsKey("container"), schema.toString());
        assertEquals(List.of("container"), schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(details.getJsonObject("annotations").getBoolean("readOnlyHint"));
        session.close();
    }

    @Test
    void fleetSummaryHasTheDashboardsFigures() {
        Session session = new Session(viewerToken).open();
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        JsonObject result = session.call("fleet_summary", Json.createObjectBuilder());
        assertFalse(result.getBoolean("isError", false), result.toString());
        String text = text(result);
        Matcher endpoints = Pattern.compile("endpoints: (\\d+) total, (\\d+) online, (\\d+) offline").matcher(text);
        assertTrue(endpoints.find(), text);
        assertEquals(summary.getInt("endpointsTotal"), Integer.parseInt(endpoints.group(1)));
        assertEquals(summary.getInt("endpointsOnline"), Integer.parseInt(endpoints.group(2)));
        assertEquals(summary.getInt("endpointsOffline"), Integer.parseInt(endpoints.group(3)));
        Matcher containers = Pattern.compile("containers: (\\d+) total, (\\d+) containers running, (\\d+) stopped, "
                + "(\\d+) unhealthy").matcher(text);
        assertTrue(containers.find(), text);
        assertEquals(summary.getInt("containersTotal"), Integer.parseInt(containers.group(1)));
        assertEquals(summary.getInt("containersRunning"), Integer.parseInt(containers.group(2)));
        assertEquals(summary.getInt("containersStopped"), Integer.parseInt(containers.group(3)));
        assertEquals(summary.getInt("containersUnhealthy"), Integer.parseInt(containers.group(4)));
        assertTrue(text.startsWith("<tool-data tool=\"fleet_summary\">"), text);
        session.close();
    }

    @Test
    void listContainersIsBoundedAndFiltered() {
        Session session = new Session(viewerToken).open();
        int total = Api.object("/api/v1/dashboard/summary").getInt("containersTotal");
        JsonObject result = session.call("list_containers", Json.createObjectBuilder().add("state", "running")
                .add("limit", 3));
        assertFalse(result.getBoolean("isError", false), result.toString());
        String text = text(result);
        Matcher counts = Pattern.compile("(\\d+) of (\\d+) containers match").matcher(text);
        assertTrue(counts.find(), text);
        assertEquals(total, Integer.parseInt(counts.group(2)));
        long rows = text.lines().filter(l -> l.startsWith("{\"key\":")).count();
        assertTrue(rows >= 1 && rows <= 3, rows + " rows: " + text);
        assertFalse(text.lines().filter(l -> l.startsWith("{\"key\":")).anyMatch(l -> !l.contains("\"state\":\"running\"")),
                text);

        JsonObject bad = session.call("list_containers", Json.createObjectBuilder().add("state", "sideways"));
        assertTrue(bad.getBoolean("isError"), bad.toString());
        session.close();
    }

    @Test
    void aViewerClientCannotReadLogsAnOperatorClientCan() {
        Session viewer = new Session(viewerToken).open();
        String container = firstContainerKey(viewer);
        JsonObject refused = viewer.call("recent_logs", Json.createObjectBuilder().add("container", container));
        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertTrue(text(refused).contains("recent_logs is for operators"), text(refused));
        viewer.close();

        Session operator = new Session(operatorToken).open();
        JsonObject logs = operator.call("recent_logs", Json.createObjectBuilder().add("container", container)
                .add("tail", 5));
        assertFalse(text(logs).contains("recent_logs is for operators"), text(logs));
        assertTrue(text(logs).startsWith("<tool-data tool=\"recent_logs\">"), text(logs));
        operator.close();
    }

    private static String firstContainerKey(Session session) {
        String text = text(session.call("list_containers", Json.createObjectBuilder().add("state", "running")
                .add("limit", 1)));
        Matcher key = Pattern.compile("\\{\"key\":\"([^\"]+)\"").matcher(text);
        assertTrue(key.find(), text);
        return key.group(1);
    }

    @Test
    void onlyAValidUnrevokedClientTokenGetsIn() {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"McpIT\",\"version\":\"1\"}}}";
        HttpResponse<String> none = post(null, init, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "), none.headers().toString());
        HttpResponse<String> guessed = post("fdmcp_" + "A".repeat(43), init, null);
        assertEquals(401, guessed.statusCode());
        assertTrue(guessed.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));

        // A user's key (HTTP Basic) is no MCP client token.
        HttpResponse<String> basic = Api.post("/mcp", init);
        assertEquals(401, basic.statusCode(), basic.body());

        String token = create("it-mcp-revoked-" + UUID.randomUUID(), "viewer");
        Session session = new Session(token).open();
        long id = CREATED.get(CREATED.size() - 1);
        HttpResponse<String> revoked = Api.post("/api/v1/mcp/clients/" + id + "/revoke", null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(Api.json(revoked.body()).asJsonObject().getBoolean("revoked"));
        HttpResponse<String> after = session.post(session.message("ping", Json.createObjectBuilder()), session.id);
        assertEquals(401, after.statusCode(), after.body());
        assertEquals(401, post(token, init, null).statusCode());

        JsonObject listed = Api.object("/api/v1/mcp/clients").getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow();
        assertTrue(listed.getBoolean("revoked"));
        assertFalse(listed.containsKey("token"));
        assertFalse(Api.get("/api/v1/mcp/clients").body().contains(token.substring(6)), "no token in the list");
    }

    @Test
    void malformedMessagesGetJsonRpcErrorsNotServerErrors() {
        Session session = new Session(viewerToken).open();
        for (String body : List.of("{", "not json", "[1,2]", "{\"jsonrpc\":\"2.0\"}", "")) {
            HttpResponse<String> response = session.post(body, session.id);
            assertEquals(400, response.statusCode(), body + ": " + response.body());
            JsonObject error = Api.json(response.body()).asJsonObject();
            assertEquals("2.0", error.getString("jsonrpc"), response.body());
            assertTrue(error.getJsonObject("error").containsKey("code"), response.body());
            assertFalse(response.body().toLowerCase().contains("stacktrace"), response.body());
            assertFalse(response.body().contains("java."), response.body());
        }
        JsonObject unknown = session.request("no/such/method", Json.createObjectBuilder());
        assertEquals(-32601, unknown.getJsonObject("error").getInt("code"), unknown.toString());
        HttpResponse<String> noSession = post(viewerToken, session.message("ping", Json.createObjectBuilder()), null);
        assertEquals(400, noSession.statusCode(), noSession.body());
        assertEquals("2.0", Api.json(noSession.body()).asJsonObject().getString("jsonrpc"));
        session.close();
    }
}
