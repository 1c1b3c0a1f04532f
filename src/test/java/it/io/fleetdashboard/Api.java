package it.io.fleetdashboard;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/** Black-box access to the running server for integration tests: HTTP Basic as the IT admin, JSON bodies. */
public final class Api {

    /** The simulator's default scale (SIMULATOR_* defaults), to restore after a test changed it. */
    public static final String DEFAULT_WORLD = "{\"servers\":2,\"endpoints\":25,\"containers\":12,\"hostile\":false}";
    public static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (System.getProperty("it.username", "admin") + ":" + System.getProperty("it.key", "it-secret-key"))
                    .getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public static HttpResponse<String> get(String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", AUTH);
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(request.GET());
    }

    public static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }

    /** GET that must answer 200 with a JSON object. */
    public static JsonObject object(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).asJsonObject();
    }

    public static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** Refreshes the fleet and waits for it to finish. */
    public static JsonObject refresh() {
        HttpResponse<String> response = post("/api/v1/refresh?wait=120", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("refresh answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).asJsonObject();
    }

    /** The simulator at its default scale with no faults, and a snapshot of it: where fault tests start and end. */
    public static void healthyFleet() {
        simulator("config", DEFAULT_WORLD);
        post("/simulator/control/faults", "[]");
        refresh();
    }

    /** Simulator control API. */
    public static void simulator(String command, String json) {
        HttpResponse<String> response = post("/simulator/control/" + command, json);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("simulator " + command + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** POST as another user (HTTP Basic), e.g. the IT operator or viewer. */
    public static HttpResponse<String> postAs(String user, String key, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /**
     * The simulated Docker behind a container key ("env:endpoint:id"), asked directly with its server's API key
     * (path e.g. "/json" for inspect, "/stats?stream=false"): the truth to compare the dashboard with.
     */
    public static JsonObject simulatedDocker(String containerKey, String path) {
        String[] parts = containerKey.split(":");
        JsonObject server = json(get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(s -> s.getString("name").equals(parts[0]))
                .findFirst().orElseThrow(() -> new AssertionError("no simulated server " + parts[0]));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.getString("baseUrl")
                + "/api/endpoints/" + parts[1] + "/docker/containers/" + parts[2] + path))
                .header("X-API-Key", server.getString("apiKey")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("simulated Docker " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response.body()).asJsonObject();
    }

    /** Polls until the condition holds or the deadline passes; no fixed sleeps. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            // Poll interval of an await with a deadline, not a fixed wait for something to happen.
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what);
    }
}
