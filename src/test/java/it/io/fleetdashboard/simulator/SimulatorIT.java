package it.io.fleetdashboard.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Black box: the control API of the running server, then the simulated Portainer servers over real HTTP. */
class SimulatorIT {

    private static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (System.getProperty("it.username", "admin") + ":" + System.getProperty("it.key", "it-secret-key"))
                    .getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JsonObject sim1;
    private JsonObject sim2;

    private HttpResponse<String> control(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + "/simulator/control/" + path))
                .header("Authorization", ADMIN).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonStructure parse(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    @BeforeEach
    void servers() throws Exception {
        HttpResponse<String> r = control("GET", "servers", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray servers = (JsonArray) parse(r.body());
        assertTrue(servers.size() >= 2, r.body());
        sim1 = servers.getJsonObject(0);
        sim2 = servers.getJsonObject(1);
        assertEquals("sim-1", sim1.getString("name"));
        assertTrue(sim1.getString("apiKey").startsWith("ptr_"));
    }

    @AfterEach
    void liftFaults() throws Exception {
        assertEquals(204, control("DELETE", "faults", null).statusCode());
    }

    private HttpResponse<String> api(HttpClient client, JsonObject server, String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.getString("baseUrl") + pathAndQuery))
                .header("X-API-Key", server.getString("apiKey")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(JsonObject server, String pathAndQuery) throws Exception {
        return api(http, server, pathAndQuery);
    }

    @Test
    void missingAndWrongKeysGetPortainerEnvelopes() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(sim1.getString("baseUrl")
                + "/api/endpoints")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, missing.statusCode());
        assertEquals("A valid authorization token is missing",
                ((JsonObject) parse(missing.body())).getString("message"));
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(sim1.getString("baseUrl")
                + "/api/endpoints")).header("x-api-key", sim2.getString("apiKey")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertEquals("Invalid JWT token", ((JsonObject) parse(wrong.body())).getString("message"));
        HttpResponse<String> viaQuery = http.send(HttpRequest.newBuilder(URI.create(sim1.getString("baseUrl")
                + "/api/tags?x-api-key=" + URLEncoder.encode(sim1.getString("apiKey"), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaQuery.statusCode());
    }

    @Test
    void endpointListPagesWithOneBasedStart() throws Exception {
        HttpResponse<String> all = api(sim1, "/api/endpoints?excludeSnapshots=true");
        int total = Integer.parseInt(all.headers().firstValue("X-Total-Count").orElseThrow());
        List<Integer> expected = new ArrayList<>();
        ((JsonArray) parse(all.body())).forEach(v -> expected.add(v.asJsonObject().getInt("Id")));
        assertEquals(total, expected.size());
        List<Integer> paged = new ArrayList<>();
        for (int start = 1; start <= total; start += 7) {
            HttpResponse<String> page = api(sim1, "/api/endpoints?excludeSnapshots=true&limit=7&start=" + start);
            assertEquals(Integer.toString(total), page.headers().firstValue("X-Total-Count").orElseThrow());
            ((JsonArray) parse(page.body())).forEach(v -> paged.add(v.asJsonObject().getInt("Id")));
        }
        assertEquals(expected, paged);
        assertTrue(all.headers().firstValue("Content-Encoding").isEmpty(), "never gzip");
    }

    @Test
    void asyncEdgeAnswersTheTunnelError() throws Exception {
        JsonObject async = ((JsonArray) parse(api(sim1, "/api/endpoints?excludeSnapshots=true").body())).stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getJsonObject("Edge").getBoolean("AsyncMode"))
                .findFirst().orElseThrow();
        HttpResponse<String> r = api(sim1, "/api/endpoints/" + async.getInt("Id") + "/docker/containers/json?all=1");
        assertEquals(500, r.statusCode());
        JsonObject error = (JsonObject) parse(r.body());
        assertEquals("Unable to get the active tunnel", error.getString("message"));
        assertEquals("Cannot open a tunnel for async edge environments", error.getString("details"));
    }

    @Test
    void logsUseDockersFraming() throws Exception {
        JsonArray containers = (JsonArray) parse(api(sim1, "/api/endpoints/1/docker/v1.47/containers/json").body());
        assertTrue(containers.size() > 0);
        int multiplexed = 0;
        for (JsonValue v : containers) {
            String id = v.asJsonObject().getString("Id");
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sim1.getString("baseUrl")
                    + "/api/endpoints/1/docker/containers/" + id + "/logs?stdout=1&stderr=1&tail=20&timestamps=1"))
                    .header("X-API-Key", sim1.getString("apiKey")).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 501 || r.statusCode() == 409) {
                // as Docker: log driver none, or a dead container
                String message = new String(r.body(), StandardCharsets.UTF_8);
                assertTrue(message.contains("logging driver does not support reading")
                        || message.contains("dead or marked for removal"), message);
                continue;
            }
            assertEquals(200, r.statusCode());
            String type = r.headers().firstValue("Content-Type").orElseThrow();
            if (!type.equals("application/vnd.docker.multiplexed-stream")) {
                assertEquals("application/vnd.docker.raw-stream", type);
                continue;
            }
            multiplexed++;
            ByteBuffer in = ByteBuffer.wrap(r.body());
            int frames = 0;
            while (in.hasRemaining()) {
                byte stream = in.get();
                assertTrue(stream == 1 || stream == 2);
                in.get();
                in.get();
                in.get();
                byte[] payload = new byte[in.getInt()];
                in.get(payload);
                assertTrue(new String(payload, StandardCharsets.UTF_8).endsWith("\n"));
                frames++;
            }
            assertTrue(frames <= 20);
        }
        assertTrue(multiplexed > 0);
        String id = containers.getJsonObject(0).getString("Id");
        HttpResponse<String> none = api(sim1, "/api/endpoints/1/docker/containers/" + id + "/logs");
        assertEquals(400, none.statusCode());
        assertEquals("{\"message\":\"Bad parameters: you must choose at least one stream\"}", none.body());
    }

    @Test
    void downRefusesConnectionsAndLiftingRestoresTheSamePort() throws Exception {
        assertEquals(200, control("POST", "faults", "[{\"kind\":\"down\",\"server\":\"sim-2\"}]").statusCode());
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        IOException refused = assertThrows(IOException.class, () -> api(fresh, sim2, "/api/system/status"));
        assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
                refused.toString());
        assertEquals(200, api(sim1, "/api/system/status").statusCode());
        assertEquals(204, control("DELETE", "faults", null).statusCode());
        assertEquals(200, api(fresh, sim2, "/api/system/status").statusCode());
    }

    @Test
    void hangIsObservableWithAClientTimeout() throws Exception {
        assertEquals(200, control("POST", "faults",
                "[{\"kind\":\"hang\",\"server\":\"sim-1\",\"route\":\"/api/tags\"}]").statusCode());
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim1.getString("baseUrl") + "/api/tags"))
                .header("X-API-Key", sim1.getString("apiKey")).timeout(Duration.ofMillis(700)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, api(sim1, "/api/endpoint_groups").statusCode());
    }

    @Test
    void http502AndTruncatedJsonFaults() throws Exception {
        assertEquals(200, control("POST", "faults", "[{\"kind\":\"http_502\",\"server\":\"sim-1\",\"endpointIds\":[1],"
                + "\"route\":\"containers/json\"},{\"kind\":\"truncated_json\",\"server\":\"sim-1\","
                + "\"route\":\"/api/stacks\"}]").statusCode());
        HttpResponse<String> bad = api(sim1, "/api/endpoints/1/docker/containers/json");
        assertEquals(502, bad.statusCode());
        assertEquals("", bad.body());
        HttpResponse<String> cut = api(sim1, "/api/stacks");
        assertEquals(200, cut.statusCode());
        assertThrows(RuntimeException.class, () -> parse(cut.body()));
    }

    @Test
    void countersCountRequestsAndKeepAliveConnections() throws Exception {
        assertEquals(200, control("POST", "reset", null).statusCode());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, api(client, sim1, "/api/endpoints/1/docker/containers/json").statusCode());
        }
        JsonObject counters = (JsonObject) parse(control("GET", "counters", null).body());
        JsonObject server = counters.getJsonArray("servers").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("sim-1")).findFirst().orElseThrow();
        assertEquals(20, server.getJsonNumber("requests").longValue());
        assertEquals(20, server.getJsonObject("byRoute").getJsonNumber("docker:containers").longValue());
        long connections = server.getJsonNumber("connections").longValue();
        assertTrue(connections >= 1 && connections <= 3, "connections " + connections);
    }

    @Test
    void truthMatchesAWalkOverTheApi() throws Exception {
        JsonObject truth = (JsonObject) parse(control("GET", "truth", null).body());
        JsonArray servers = (JsonArray) parse(control("GET", "servers", null).body());
        int endpoints = 0;
        int online = 0;
        int containers = 0;
        int running = 0;
        int images = 0;
        Set<String> stacks = new HashSet<>();
        for (JsonValue sv : servers) {
            JsonObject server = sv.asJsonObject();
            for (JsonValue v : (JsonArray) parse(api(server, "/api/endpoints").body())) {
                JsonObject e = v.asJsonObject();
                endpoints++;
                boolean up = e.getInt("Type") == 4 ? e.getBoolean("Heartbeat") : e.getInt("Status") == 1;
                if (!up) {
                    continue;
                }
                online++;
                int id = e.getInt("Id");
                HttpResponse<String> list = api(server, "/api/endpoints/" + id + "/docker/containers/json?all=1");
                JsonValue raw;
                JsonValue rawImages;
                if (list.statusCode() == 200) {
                    raw = parse(list.body());
                    rawImages = parse(api(server, "/api/endpoints/" + id + "/docker/images/json").body());
                } else if (!e.getJsonArray("Snapshots").isEmpty()) {
                    JsonObject snapshot = e.getJsonArray("Snapshots").getJsonObject(0).getJsonObject("DockerSnapshotRaw");
                    raw = snapshot.get("Containers");
                    rawImages = snapshot.get("Images");
                } else {
                    continue;
                }
                if (rawImages.getValueType() == JsonValue.ValueType.ARRAY) {
                    images += rawImages.asJsonArray().size();
                }
                if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
                    continue;
                }
                for (JsonValue c : raw.asJsonArray()) {
                    containers++;
                    running += c.asJsonObject().getString("State").equals("running") ? 1 : 0;
                    String project = c.asJsonObject().getJsonObject("Labels").getString("com.docker.compose.project",
                            null);
                    if (project != null) {
                        stacks.add(server.getString("name") + "|" + id + "|" + project);
                    }
                }
            }
            for (JsonValue s : (JsonArray) parse(api(server, "/api/stacks").body())) {
                stacks.add(server.getString("name") + "|" + s.asJsonObject().getInt("EndpointId") + "|"
                        + s.asJsonObject().getString("Name"));
            }
        }
        assertEquals(truth.getInt("environments"), servers.size());
        assertEquals(truth.getInt("endpointsTotal"), endpoints);
        assertEquals(truth.getInt("endpointsOnline"), online);
        assertEquals(truth.getInt("containersTotal"), containers);
        assertEquals(truth.getInt("containersRunning"), running);
        assertEquals(truth.getInt("images"), images);
        assertEquals(truth.getInt("stacks"), stacks.size());
        if (containers == 0) {
            fail("no containers walked");
        }
    }

    @Test
    void configRebuildsTheWorldAndKeepsThePorts() throws Exception {
        HttpResponse<String> before = api(sim1, "/api/endpoints?excludeSnapshots=true&limit=1");
        int endpoints = Integer.parseInt(before.headers().firstValue("X-Total-Available").orElseThrow());
        try {
            HttpResponse<String> r = control("POST", "config", "{\"endpoints\":" + (endpoints + 5) + "}");
            assertEquals(200, r.statusCode(), r.body());
            JsonArray servers = (JsonArray) parse(r.body());
            assertEquals(sim1.getString("baseUrl"), servers.getJsonObject(0).getString("baseUrl"));
            assertEquals(sim2.getString("baseUrl"), servers.getJsonObject(1).getString("baseUrl"));
            HttpResponse<String> after = api(sim1, "/api/endpoints?excludeSnapshots=true&limit=1");
            assertEquals(Integer.toString(endpoints + 5), after.headers().firstValue("X-Total-Available").orElseThrow());
        } finally {
            assertEquals(200, control("POST", "config", "{\"endpoints\":" + endpoints + "}").statusCode());
        }
    }

    @Test
    void http500AndLatencyFaults() throws Exception {
        assertEquals(200, control("POST", "faults", "[{\"kind\":\"http_500\",\"server\":\"sim-2\","
                + "\"route\":\"/api/endpoints\"},{\"kind\":\"latency\",\"server\":\"sim-1\","
                + "\"route\":\"/api/tags\",\"latencyMs\":400}]").statusCode());
        HttpResponse<String> failed = api(sim2, "/api/endpoints");
        assertEquals(500, failed.statusCode());
        assertTrue(((JsonObject) parse(failed.body())).containsKey("details"));
        long t0 = System.nanoTime();
        assertEquals(200, api(sim1, "/api/tags").statusCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 400);
    }

    @Test
    void slowBodyTricklesAValidDocument() throws Exception {
        int size = api(sim1, "/api/endpoint_groups").body().length();
        assertEquals(200, control("POST", "faults", "[{\"kind\":\"slow_body\",\"server\":\"sim-1\","
                + "\"route\":\"/api/endpoint_groups\",\"bytesPerSecond\":" + Math.max(10, size) + "}]").statusCode());
        long t0 = System.nanoTime();
        HttpResponse<String> slow = api(sim1, "/api/endpoint_groups");
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, slow.statusCode());
        assertTrue(parse(slow.body()) instanceof JsonArray);
        // a tenth of the body every 100 ms: about a second for the whole document
        assertTrue(elapsed >= 700, "elapsed " + elapsed);
    }

    @Test
    void parallelRequestsAllAnswerOverFewConnections() throws Exception {
        assertEquals(200, control("POST", "reset", null).statusCode());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(10);
        List<java.util.concurrent.CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim2.getString("baseUrl")
                    + "/api/endpoints/" + (1 + i % 3) + "/docker/containers/json?all=1"))
                    .header("X-API-Key", sim2.getString("apiKey")).timeout(Duration.ofSeconds(30)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()).thenApply(HttpResponse::statusCode));
        }
        for (var call : calls) {
            int status = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(status == 200 || status == 502, "status " + status);
        }
        JsonObject counters = (JsonObject) parse(control("GET", "counters", null).body());
        JsonObject server = counters.getJsonArray("servers").getJsonObject(1);
        assertEquals(200, server.getJsonNumber("requests").longValue());
        assertTrue(server.getJsonNumber("connections").longValue() <= 12, server.toString());
    }
}
