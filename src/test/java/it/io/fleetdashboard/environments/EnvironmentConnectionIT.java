package it.io.fleetdashboard.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway inside the running server against a tiny fake Portainer in this JVM: environments are registered
 * straight into the server's SQLite database (as the settings page would, key encrypted with the server's
 * generated secret.key), then tested through GET /api/v1/environments/{name}/status.
 */
class EnvironmentConnectionIT {

    private static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    private static final String KEY = "ptr_it+/key=";
    private static final String FLAKY_KEY = "ptr_flaky";
    private static final int ENDPOINTS = 250;

    private static HttpServer portainer;
    private static final List<String> receivedKeys = new CopyOnWriteArrayList<>();
    private static final List<String> receivedCookies = new CopyOnWriteArrayList<>();
    private static final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private static final List<String> endpointQueries = new CopyOnWriteArrayList<>();
    private static final AtomicInteger flakyCalls = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFakePortainerAndRegister() throws Exception {
        portainer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portainer.createContext("/api/system/status", EnvironmentConnectionIT::status);
        portainer.createContext("/api/endpoints", EnvironmentConnectionIT::endpoints);
        portainer.start();
        String url = "http://127.0.0.1:" + portainer.getAddress().getPort() + "/api";
        register("it-wire", url, KEY);
        register("it-badkey", url, "ptr_wrong");
        register("it-flaky", url, FLAKY_KEY);
        register("it-down", "http://127.0.0.1:1/api", KEY);
        register("it-dead", "http://127.0.0.1:1/api", KEY);
    }

    @AfterAll
    static void stopAndUnregister() throws SQLException {
        portainer.stop(0);
        StoredEnvironments.deleteLike("it-%");
    }

    private static void status(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        receivedKeys.add(String.valueOf(key));
        if (KEY.equals(key)) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
        }
        if (FLAKY_KEY.equals(key)) {
            if (flakyCalls.incrementAndGet() % 2 == 1) {
                // Portainer's proxy when the upstream is down: 502 with an empty body
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            }
            key = KEY;
        }
        if (exchange.getRequestHeaders().containsKey("Cookie")) {
            receivedCookies.add(exchange.getRequestHeaders().getFirst("Cookie"));
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a real Portainer sets this after /api/auth; a client that sends it back trips the CSRF check
        exchange.getResponseHeaders().add("Set-Cookie", "portainer_api_key=cookie-value; Path=/; HttpOnly");
        boolean valid = KEY.equals(key);
        byte[] body = (valid ? "{\"Version\":\"2.23.0\",\"InstanceID\":\"it-instance\"}"
                : "{\"message\":\"Invalid JWT token\",\"details\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** 250 endpoints, 1-based start/limit paging with X-Total-Count; odd ids are edge agents with a heartbeat. */
    private static void endpoints(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        endpointQueries.add(query);
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int start = Math.max(1, Integer.parseInt(params.getOrDefault("start", "0")));
        int limit = Integer.parseInt(params.getOrDefault("limit", "0"));
        int end = limit == 0 ? ENDPOINTS : Math.min(ENDPOINTS, start - 1 + limit);
        StringBuilder json = new StringBuilder("[");
        for (int id = start; id <= end; id++) {
            json.append(id > start ? "," : "").append(id % 2 == 1
                    ? "{\"Id\":" + id + ",\"Name\":\"store-" + id + "\",\"Type\":4,\"Status\":1,\"EdgeID\":\"e" + id
                    + "\",\"Heartbeat\":" + (id % 3 == 0) + ",\"Edge\":{\"AsyncMode\":false},\"Snapshots\":[]}"
                    : "{\"Id\":" + id + ",\"Name\":\"agent-" + id + "\",\"Type\":2,\"Status\":" + (id % 4 == 0 ? 2 : 1)
                    + ",\"Heartbeat\":false,\"Snapshots\":[]}");
        }
        byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Total-Count", String.valueOf(ENDPOINTS));
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static long expectedOnline() {
        return IntStream.rangeClosed(1, ENDPOINTS).filter(id -> id % 2 == 1 ? id % 3 == 0 : id % 4 != 0).count();
    }

    @Test
    void connectionTestGoesThroughTheGatewayWithTheKeyPagingAndNoCookies() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("/api/v1/environments/it-wire/status");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject check = json(response.body());
            assertEquals("2.23.0", check.getString("version"));
            assertEquals("it-instance", check.getString("instanceId"));
            assertEquals(ENDPOINTS, check.getInt("endpoints"));
            assertEquals(expectedOnline(), check.getInt("onlineEndpoints"));
        }
        assertTrue(receivedKeys.stream().filter(KEY::equals).count() >= 3, receivedKeys.toString());
        assertEquals(List.of(), receivedCookies, "cookies must never be sent back");
        assertTrue(endpointQueries.containsAll(List.of("start=1&limit=100&excludeSnapshots=true",
                "start=101&limit=100&excludeSnapshots=true", "start=201&limit=100&excludeSnapshots=true")),
                endpointQueries.toString());
        assertTrue(new HashSet<>(clientPorts).size() < clientPorts.size(),
                "pooled keep-alive connections are reused: " + clientPorts);
    }

    @Test
    void transientServerErrorIsRetriedOnce() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/it-flaky/status");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(flakyCalls.get() >= 2, "the 502 was retried");
    }

    @Test
    void deadServerOpensOnlyItsOwnBreaker() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = get("/api/v1/environments/it-dead/status");
            assertEquals("unavailable", json(response.body()).getString("error"), response.body());
        }
        HttpResponse<String> rejected = get("/api/v1/environments/it-dead/status");
        assertEquals(503, rejected.statusCode(), rejected.body());
        assertEquals("circuit_open", json(rejected.body()).getString("error"));
        assertEquals(200, get("/api/v1/environments/it-wire/status").statusCode(), "other environments unaffected");
    }

    @Test
    void rejectedKeyIsAJsonErrorWithoutTheKey() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/it-badkey/status");
        assertEquals(502, response.statusCode(), response.body());
        JsonObject error = json(response.body());
        assertEquals("unauthorized", error.getString("error"));
        assertTrue(error.getString("message").contains("it-badkey"), error.getString("message"));
        assertTrue(error.getString("message").contains("401"), error.getString("message"));
        assertFalse(response.body().contains("ptr_"), response.body());
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/it-down/status");
        assertEquals(502, response.statusCode(), response.body());
        assertEquals("unavailable", json(response.body()).getString("error"));
        assertFalse(response.body().contains("Exception"), "no stack traces: " + response.body());
    }

    @Test
    void unknownEnvironmentIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/no-such-env/status");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("not_found", json(response.body()).getString("error"));
    }

    @Test
    void registeredEnvironmentsAreListedWithoutKeys() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"it-wire\""), response.body());
        assertFalse(response.body().contains(KEY) || response.body().contains("v1:"), response.body());
    }

    @Test
    void requestsAndErrorsAreCountedPerEnvironment() throws Exception {
        get("/api/v1/environments/it-wire/status");
        get("/api/v1/environments/it-badkey/status");
        String metrics = get("/metrics?scope=application").body();
        assertTrue(metrics.contains("fleet_portainer_requests_total{environment=\"it-wire\""), metrics);
        assertTrue(metrics.contains("fleet_portainer_errors_total{environment=\"it-badkey\",kind=\"unauthorized\""),
                metrics);
        assertTrue(metrics.contains("fleet_portainer_request_seconds_count{environment=\"it-wire\","
                + "mp_scope=\"application\",route=\"status\""), metrics);
    }

    private HttpResponse<String> get(String path) {
        return it.io.fleetdashboard.Api.get(path);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void register(String name, String url, String apiKey) throws Exception {
        StoredEnvironments.register(name, url, apiKey, "UI", true);
    }
}
