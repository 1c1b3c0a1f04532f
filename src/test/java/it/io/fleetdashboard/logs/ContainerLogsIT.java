package it.io.fleetdashboard.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/containers/{key}/logs and /api/v1/logs against the simulated Docker: the same lines as Docker's own
 * answer to the same parameters (decoded here independently of the dashboard), stderr marked, tail applied before
 * since, TTY streams raw, and clear answers for what Docker refuses.
 */
class ContainerLogsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Running, reachable simulated containers whose inspect matches. */
    static List<String> find(String state, Predicate<JsonObject> inspect, int wanted) {
        List<String> keys = new ArrayList<>();
        for (JsonValue row : Api.object("/api/v1/containers?limit=1000&state=" + state).getJsonArray("items")) {
            String key = row.asJsonObject().getString("key");
            try {
                if (key.startsWith("sim-") && inspect.test(Api.simulatedDocker(key, "/json"))) {
                    keys.add(key);
                    if (keys.size() == wanted) {
                        return keys;
                    }
                }
            } catch (AssertionError unreachable) {
                // an endpoint the simulated Portainer cannot proxy to: not a candidate
            }
        }
        throw new AssertionError("fewer than " + wanted + " " + state + " containers match in the simulated fleet");
    }

    static boolean tty(JsonObject inspect) {
        return inspect.getJsonObject("Config").getBoolean("Tty");
    }

    static String logDriver(JsonObject inspect) {
        return inspect.getJsonObject("HostConfig").getJsonObject("LogConfig").getString("Type");
    }

    static String name(String key) {
        return Api.simulatedDocker(key, "/json").getString("Name").substring(1);
    }

    /** Docker's own answer, decoded here: each line as the dashboard should show it. */
    static List<String> truth(String key, String dockerQuery, boolean tty, boolean showTimestamps) {
        String[] parts = key.split(":");
        JsonObject server = Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(parts[0])).findFirst()
                .orElseThrow();
        byte[] body = send(HttpRequest.newBuilder(URI.create(server.getString("baseUrl") + "/api/endpoints/"
                + parts[1] + "/docker/containers/" + parts[2] + "/logs?timestamps=1&" + dockerQuery))
                .header("X-API-Key", server.getString("apiKey")).GET().build()).body();
        List<String> lines = new ArrayList<>();
        if (tty) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                lines.add(show(line, "", showTimestamps));
            }
            return lines;
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.hasRemaining()) {
            int stream = in.get();
            in.position(in.position() + 3);
            byte[] payload = new byte[in.getInt()];
            in.get(payload);
            String text = new String(payload, StandardCharsets.UTF_8);
            lines.add(show(text.substring(0, text.length() - 1), stream == 2 ? "[stderr] " : "", showTimestamps));
        }
        return lines;
    }

    private static String show(String timestamped, String marker, boolean showTimestamps) {
        int space = timestamped.indexOf(' ');
        return (showTimestamps ? timestamped.substring(0, space + 1) : "") + marker + timestamped.substring(space + 1);
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> logs(String path) {
        return Api.get(path);
    }

    static List<String> lines(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body().isEmpty() ? List.of() : Arrays.asList(response.body().split("\n", -1))
                .subList(0, response.body().split("\n", -1).length - 1);
    }

    /**
     * The dashboard's answer equals Docker's, asked just before or just after (a simulated container writes a line
     * every few seconds, so one may arrive in between: then both are asked again).
     */
    static void assertSameAsDocker(Supplier<List<String>> docker, Supplier<List<String>> dashboard) {
        List<String> shown = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            List<String> before = docker.get();
            shown = dashboard.get();
            List<String> after = docker.get();
            if (shown.equals(before) || shown.equals(after)) {
                return;
            }
        }
        throw new AssertionError("the dashboard's lines differ from Docker's: " + shown);
    }

    @Test
    void tailOfBothStreamsIsDockersWithStderrMarked() {
        String key = find("running", i -> !tty(i) && logDriver(i).equals("json-file"), 1).get(0);
        assertSameAsDocker(() -> truth(key, "stdout=1&stderr=1&tail=200", false, true),
                () -> lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=200")));
        List<String> shown = lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=200"));
        assertEquals(200, shown.size());
        assertTrue(shown.stream().anyMatch(l -> l.matches("^\\S+Z \\[stderr\\] (ERROR|WARN|FATAL).*")), "stderr marked");
        assertTrue(shown.stream().allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+Z .*")), "timestamps by default");
    }

    @Test
    void oneStreamAtATimeAndWithoutTimestamps() {
        String key = find("running", i -> !tty(i) && logDriver(i).equals("json-file"), 1).get(0);
        String base = "/api/v1/containers/" + enc(key) + "/logs?tail=100&timestamps=false";
        assertSameAsDocker(() -> truth(key, "stdout=0&stderr=1&tail=100", false, false),
                () -> lines(logs(base + "&stream=stderr")));
        assertSameAsDocker(() -> truth(key, "stdout=1&stderr=0&tail=100", false, false),
                () -> lines(logs(base + "&stream=stdout")));
        List<String> errors = lines(logs(base + "&stream=stderr"));
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().allMatch(l -> l.startsWith("[stderr] ")), errors.toString());
        assertTrue(lines(logs(base + "&stream=stdout")).stream().noneMatch(l -> l.startsWith("[stderr]")));
    }

    @Test
    void tailIsAppliedBeforeSince() {
        String key = find("running", i -> !tty(i) && logDriver(i).equals("json-file"), 1).get(0);
        List<String> last40 = lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=40"));
        // since the time of the 30th line from the end: the last 40 lines are cut to the last 30 (or a few more,
        // if lines were written meanwhile), never the 40 lines after since
        Instant since = Instant.parse(last40.get(10).substring(0, last40.get(10).indexOf(' ')));
        String sinceMillis = Long.toString(since.toEpochMilli());
        String dockerSince = since.getEpochSecond() + "." + String.format("%03d", since.getNano() / 1_000_000);
        assertSameAsDocker(() -> truth(key, "stdout=1&stderr=1&tail=40&since=" + dockerSince, false, true),
                () -> lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=40&since=" + sinceMillis)));
        List<String> cut = lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=40&since=" + sinceMillis));
        assertTrue(cut.size() < 40 && cut.size() >= 29, cut.size() + " lines");
        assertTrue(cut.stream().allMatch(l -> !Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(
                since.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))));
    }

    @Test
    void ttyContainersStreamRawLines() {
        String key = find("running", i -> tty(i) && logDriver(i).equals("json-file"), 1).get(0);
        assertSameAsDocker(() -> truth(key, "stdout=1&stderr=1&tail=50", true, true),
                () -> lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=50")));
        assertTrue(lines(logs("/api/v1/containers/" + enc(key) + "/logs?tail=50")).stream()
                .noneMatch(l -> l.contains("[stderr]")), "a TTY has only stdout");
    }

    @Test
    void severalContainersAreInterleavedByTimeAndTagged() {
        List<String> keys = find("running", i -> logDriver(i).equals("json-file"), 2);
        List<String> names = keys.stream().map(ContainerLogsIT::name).toList();
        List<String> shown = lines(logs("/api/v1/logs?tail=30&containers=" + enc(String.join(",", keys))));
        assertTrue(shown.size() >= 60, shown.size() + " lines");
        Instant previous = Instant.MIN;
        for (String line : shown) {
            Instant time = Instant.parse(line.substring(0, line.indexOf(' ')));
            assertFalse(time.isBefore(previous), "in time order: " + line);
            previous = time;
            String rest = line.substring(line.indexOf(' ') + 1);
            assertTrue(names.stream().anyMatch(n -> rest.startsWith("[" + n + "] ")), "tagged: " + line);
        }
        for (String n : names) {
            assertTrue(shown.stream().filter(l -> l.contains("[" + n + "] ")).count() >= 30, n);
        }
    }

    @Test
    void downloadIsANamedTextFile() {
        String key = find("running", i -> logDriver(i).equals("json-file"), 1).get(0);
        HttpResponse<String> response = logs("/api/v1/containers/" + enc(key) + "/logs?tail=10&download=true");
        assertEquals(200, response.statusCode());
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"" + name(key).replaceAll("[^\\w.-]", "_")
                + "_logs_\\d{8}_\\d{6}\\.txt\""), disposition);
        assertEquals(10, lines(response).size());
    }

    @Test
    void whatDockerRefusesIsExplained() {
        String none = find("running", i -> logDriver(i).equals("none"), 1).get(0);
        HttpResponse<String> noLogs = logs("/api/v1/containers/" + enc(none) + "/logs");
        assertEquals(501, noLogs.statusCode(), noLogs.body());
        assertTrue(noLogs.body().contains("log driver 'none'"), noLogs.body());

        String dead = find("dead", i -> logDriver(i).equals("json-file"), 1).get(0);
        HttpResponse<String> gone = logs("/api/v1/containers/" + enc(dead) + "/logs");
        assertEquals(409, gone.statusCode(), gone.body());
        assertTrue(gone.body().contains("is dead"), gone.body());

        String unknown = "sim-1:1:" + "0".repeat(64);
        assertEquals(404, logs("/api/v1/containers/" + enc(unknown) + "/logs").statusCode());
    }

    @Test
    void anAsyncEdgeEndpointGetsAClearMessage() {
        JsonObject edge = Api.object("/api/v1/endpoints?limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getBoolean("asyncEdge") && e.getInt("containers") > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no async edge endpoint with containers"));
        String key = Api.object("/api/v1/containers?limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("endpointKey").equals(edge.getString("key")))
                .map(c -> c.getString("key")).findFirst().orElseThrow();
        HttpResponse<String> response = logs("/api/v1/containers/" + enc(key) + "/logs");
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.body().contains("asynchronous edge agent"), response.body());
        // in a multi-container view it is a note line, and the other container's lines are shown
        String other = find("running", i -> logDriver(i).equals("json-file"), 1).get(0);
        List<String> shown = lines(logs("/api/v1/logs?tail=5&containers=" + enc(key + "," + other)));
        assertTrue(shown.get(0).contains("[docker] logs not available: Endpoint"), shown.get(0));
        assertEquals(6, shown.size(), shown.toString());
    }

    @Test
    void badParametersAreA400WithASentence() {
        String key = "sim-1:1:" + "a".repeat(64);
        for (String query : List.of("tail=0", "tail=10001", "tail=x", "stream=both2", "since=yesterday",
                "timestamps=maybe", "follow=1", "follow=maybe")) {
            HttpResponse<String> response = logs("/api/v1/containers/" + enc(key) + "/logs?" + query);
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            assertTrue(response.body().contains("\"message\""), response.body());
        }
        assertEquals(400, logs("/api/v1/containers/not-a-key/logs").statusCode());
        assertEquals(400, logs("/api/v1/logs").statusCode());
        assertEquals(400, logs("/api/v1/logs?containers=" + enc(key + ",bad")).statusCode());
    }
}
