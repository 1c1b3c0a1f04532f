package it.io.fleetdashboard.logsearch;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log search against the simulator's Elasticsearch stand-in, which ships the same container logs the simulated
 * Docker serves: the newest lines of one container on one agent host are exactly Docker's tail, newest first.
 */
class LogSearchIT {

    static JsonObject container;
    static String hostname;

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void aRunningContainerOnAnAgentWithItsOwnHost() {
        Api.healthyFleet();
        JsonArray endpoints = object("/api/v1/endpoints?status=online&limit=1000").getJsonArray("items");
        for (JsonValue value : endpoints) {
            JsonObject e = value.asJsonObject();
            String url = e.getString("url", "");
            if (!url.startsWith("tcp://") || !e.getString("dataSource").equals("live")) {
                continue;
            }
            JsonArray running = object("/api/v1/containers?state=running&limit=1000&endpoint="
                    + encoded(e.getString("key"))).getJsonArray("items");
            if (!running.isEmpty()) {
                container = running.getJsonObject(0);
                hostname = URI.create(url).getHost();
                return;
            }
        }
        throw new AssertionError("no running container on an agent endpoint");
    }

    /** The last lines of the container's log as the simulated Docker sends them (8-byte frames decoded). */
    private static List<String> dockerTail(int lines, Instant until) throws Exception {
        String[] key = container.getString("key").split(":");
        JsonObject server = Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(key[0])).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.getString("baseUrl") + "/api/endpoints/" + key[1] + "/docker/containers/" + key[2]
                        + "/logs?stdout=1&stderr=1&tail=" + lines + "&until=" + until.getEpochSecond())).header("X-API-Key", server.getString("apiKey"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        ByteBuffer body = ByteBuffer.wrap(response.body());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean tty = !response.headers().firstValue("Content-Type").orElse("").contains("multiplexed");
        if (tty) {
            text.write(response.body());
        } else {
            while (body.remaining() >= 8) {
                body.get();
                body.get(new byte[3]);
                byte[] payload = new byte[body.getInt()];
                body.get(payload);
                text.write(payload);
            }
        }
        List<String> out = new ArrayList<>(List.of(text.toString(StandardCharsets.UTF_8).split("\n")));
        out.removeIf(String::isEmpty);
        return out;
    }

    @Test
    void theNewestLinesOfOneContainerAreDockersTailNewestFirst() throws Exception {
        String name = container.getString("name");
        // one end for both, so a line written between the two calls cannot make them differ
        Instant until = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        JsonObject answer = object("/api/v1/logs/search?size=10&exact=true&from=1d&to=" + until + "&hostname="
                + encoded(hostname) + "&container=" + encoded(name));
        JsonArray hits = answer.getJsonArray("hits");
        assertFalse(hits.isEmpty(), answer.toString());
        List<String> messages = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (JsonValue value : hits) {
            JsonObject hit = value.asJsonObject();
            assertEquals(name, hit.getString("container"));
            assertEquals(hostname, hit.getString("hostname"));
            Instant at = Instant.parse(hit.getString("timestamp"));
            assertFalse(at.isAfter(previous), "newest first");
            previous = at;
            messages.add(hit.getString("message"));
        }
        List<String> tail = dockerTail(hits.size(), until);
        Collections.reverse(tail);
        assertEquals(tail, messages, "the same lines as docker logs --tail");
        assertTrue(answer.getJsonNumber("total").longValue() >= hits.size());
    }

    @Test
    void aPrefixATextAndEveryHostNarrowTheSearch() {
        String prefix = container.getString("name").substring(0, 3);
        JsonArray byPrefix = object("/api/v1/logs/search?size=200&from=6h&container=" + encoded(prefix))
                .getJsonArray("hits");
        assertFalse(byPrefix.isEmpty());
        byPrefix.forEach(h -> assertTrue(h.asJsonObject().getString("container").startsWith(prefix), h.toString()));

        JsonArray errors = object("/api/v1/logs/search?size=50&from=6h&text=" + encoded("connection pool exhausted"))
                .getJsonArray("hits");
        assertFalse(errors.isEmpty(), "the simulator's logs have these errors");
        errors.forEach(h -> {
            assertTrue(h.asJsonObject().getString("message").contains("connection pool exhausted"), h.toString());
            assertEquals("error", h.asJsonObject().getString("level"));
        });
        assertTrue(Api.get("/api/v1/logs/search/hostnames").body().contains("\"" + hostname + "\""));
    }

    @Test
    void theCsvHasTheSameLinesAndABadRangeIsRefused() {
        String query = "size=5&exact=true&from=1d&hostname=" + encoded(hostname) + "&container="
                + encoded(container.getString("name"));
        HttpResponse<String> csv = Api.get("/api/v1/logs/search?format=csv&" + query);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("logs_"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("Time (UTC),Host,Container,Level,Message", lines[0]);
        assertEquals(object("/api/v1/logs/search?" + query).getJsonArray("hits").size(), lines.length - 1);

        HttpResponse<String> tooLong = Api.get("/api/v1/logs/search?from=8d");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("7 days"), tooLong.body());
    }
}
