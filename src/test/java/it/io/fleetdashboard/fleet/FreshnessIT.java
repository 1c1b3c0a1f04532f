package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static it.io.fleetdashboard.Api.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresh that fails never makes old data look new, and a failed part keeps its last known data: Portainer down
 * (the whole environment kept, with the time of its last successful read) and the stacks call failing (the stacks
 * kept, still managed by Portainer).
 */
class FreshnessIT {

    private static final List<String> COUNTS = List.of("endpointsTotal", "endpointsOnline", "containersTotal",
            "containersRunning", "containersUnhealthy", "stacks", "images");

    @BeforeEach
    @AfterEach
    void healthyFleet() {
        Api.healthyFleet();
    }

    private static JsonObject environment(JsonObject refreshResultOrOverview, String name) {
        return refreshResultOrOverview.getJsonArray("environments").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withPortainerDownTheRefreshSaysSoAndTheEnvironmentKeepsAllItsData() {
        JsonObject before = object("/api/v1/dashboard/summary");
        assertFalse(before.getBoolean("degraded"), before.toString());
        assertFalse(before.getBoolean("stale"), before.toString());
        Instant lastRead = Instant.parse(environment(object("/api/v1/dashboard/overview?limit=1"), "sim-1")
                .getString("lastSuccessAt"));

        Api.post("/simulator/control/faults", "[{\"server\":\"sim-1\",\"kind\":\"down\"}]");
        JsonObject result = refresh();

        assertTrue(result.getBoolean("degraded"), "the refresh does not claim fresh data: " + result);
        assertTrue(result.getString("message").contains("Simulated sim-1' unreachable"), result.toString());
        JsonObject failed = environment(result, "sim-1");
        assertEquals("unavailable", failed.getJsonObject("error").getString("kind"));
        assertEquals(lastRead, Instant.parse(failed.getString("lastSuccessAt")), "a failed attempt is no read");
        assertTrue(Instant.parse(failed.getString("collectedAt")).isAfter(lastRead), "the attempt is newer");

        JsonObject summary = object("/api/v1/dashboard/summary");
        assertTrue(summary.getBoolean("stale"), summary.toString());
        assertTrue(summary.getBoolean("degraded"), summary.toString());
        assertEquals(1, summary.getInt("environmentsFailed"));
        assertEquals(lastRead, Instant.parse(summary.getString("dataAsOf")),
                "the snapshot is as old as its oldest environment's last successful read");
        assertTrue(Instant.parse(summary.getString("takenAt")).isAfter(lastRead));
        for (String count : COUNTS) {
            assertEquals(before.getInt(count), summary.getInt(count), count + " must not change while it is down");
        }
        JsonObject endpoints = object("/api/v1/endpoints?environment=sim-1&limit=1000");
        assertEquals(before.getInt("endpointsTotal") > 0, endpoints.getInt("total") > 0);
        endpoints.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("status").equals("online") && !e.getBoolean("asyncEdge"))
                .forEach(e -> assertEquals("previous", e.getString("dataSource"), e.toString()));

        JsonObject attention = object("/api/v1/dashboard/attention");
        assertEquals(1, attention.getJsonObject("counts").getInt("refresh_failed"), attention.toString());
        assertEquals("refresh_failed", attention.getJsonArray("items").getJsonObject(0).getString("kind"));

        JsonObject ready = object("/health/ready").getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("fleet")).findFirst().orElseThrow();
        assertEquals("UP", ready.getString("status"), "the last known fleet can still be served");
        assertTrue(ready.getJsonObject("data").getString("degraded").contains("unreachable"), ready.toString());
    }

    @Test
    void aFailingStacksCallKeepsTheLastKnownStacksManaged() {
        JsonObject before = object("/api/v1/dashboard/summary");
        JsonObject managedBefore = object("/api/v1/stacks?environment=sim-2&limit=1000");

        Api.post("/simulator/control/faults", "[{\"server\":\"sim-2\",\"route\":\"/api/stacks\",\"kind\":\"http_500\"}]");
        JsonObject result = refresh();

        JsonObject sim2 = environment(result, "sim-2");
        assertFalse(sim2.containsKey("error"), "the environment itself was read: " + sim2);
        assertEquals("server_error", sim2.getJsonObject("stacksError").getString("kind"), sim2.toString());
        JsonObject summary = object("/api/v1/dashboard/summary");
        assertEquals(before.getInt("stacks"), summary.getInt("stacks"), "no stack vanishes");
        assertEquals(1, summary.getInt("environmentsStacksFailed"));
        assertTrue(summary.getBoolean("degraded"));
        JsonObject managedAfter = object("/api/v1/stacks?environment=sim-2&limit=1000");
        assertEquals(external(managedBefore), external(managedAfter), "managed stacks do not turn external");
    }

    private static long external(JsonObject stacks) {
        return stacks.getJsonArray("items").stream().filter(s -> s.asJsonObject().getBoolean("external")).count();
    }
}
