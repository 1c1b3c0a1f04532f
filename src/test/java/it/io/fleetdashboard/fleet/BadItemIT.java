package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static it.io.fleetdashboard.Api.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One unreadable item in an endpoint's containers/json (the simulator's bad_item fault: its first "Created" is a
 * text) is skipped and counted: the endpoint keeps its other containers, is read live without an error, and the
 * skip shows on its API row (skippedItems) and in fleet_portainer_items_skipped_total.
 */
class BadItemIT {

    private static final Pattern SKIPPED = Pattern.compile(
            "^fleet_portainer_items_skipped_total\\{(.*)} ([0-9.eE+]+)$");

    @BeforeAll
    static void healthy() {
        Api.healthyFleet();
    }

    @AfterAll
    static void restore() {
        Api.healthyFleet();
    }

    private static JsonObject endpointRow(int id) {
        return object("/api/v1/endpoints?environment=sim-1&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getInt("id") == id).findFirst().orElseThrow();
    }

    /** containers/json of the endpoint as the simulator serves it now (faults included): the raw items. */
    private static JsonArray rawContainers(int endpointId) throws Exception {
        JsonObject server = Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("sim-1")).findFirst()
                .orElseThrow();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.getString("baseUrl") + "/api/endpoints/" + endpointId + "/docker/containers/json?all=1"))
                .header("X-API-Key", server.getString("apiKey")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return Api.json(response.body()).asJsonArray();
    }

    private static double skippedMetric() {
        double sum = 0;
        for (String line : Api.get("/metrics?scope=application").body().split("\n")) {
            Matcher m = SKIPPED.matcher(line);
            if (m.matches() && m.group(1).contains("environment=\"sim-1\"")
                    && m.group(1).contains("route=\"containers\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void oneBadContainerIsSkippedAndCountedTheEndpointKeepsTheOthers() throws Exception {
        JsonObject victim = object("/api/v1/endpoints?environment=sim-1&status=online&limit=1000")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("dataSource").equals("live") && e.getInt("containers") >= 2).findFirst()
                .orElseThrow();
        int id = victim.getInt("id");
        assertEquals(0, victim.getInt("skippedItems"), "nothing skipped without the fault: " + victim);
        double skippedBefore = skippedMetric();
        Api.post("/simulator/control/faults", "[{\"server\":\"sim-1\",\"endpointIds\":[" + id
                + "],\"route\":\"containers/json\",\"kind\":\"bad_item\"}]");

        JsonArray raw = rawContainers(id);
        JsonObject spoiled = raw.getJsonObject(0);
        assertEquals(JsonValue.ValueType.STRING, spoiled.get("Created").getValueType(), "the fault spoils item 1");
        Set<String> readable = raw.stream().skip(1).map(v -> v.asJsonObject().getString("Id"))
                .collect(Collectors.toSet());

        refresh();

        JsonObject after = endpointRow(id);
        assertEquals(1, after.getInt("skippedItems"), after.toString());
        assertEquals(raw.size() - 1, after.getInt("containers"), "every other container is there: " + after);
        assertEquals("live", after.getString("dataSource"), after.toString());
        assertFalse(after.containsKey("error"), "one bad item is no error of the endpoint: " + after);
        List<String> shown = object("/api/v1/containers?endpoint=" + after.getString("key") + "&limit=1000")
                .getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(readable, Set.copyOf(shown));
        assertFalse(shown.contains(spoiled.getString("Id")));
        assertTrue(skippedMetric() >= skippedBefore + 1, "counted in fleet_portainer_items_skipped_total");
    }
}
