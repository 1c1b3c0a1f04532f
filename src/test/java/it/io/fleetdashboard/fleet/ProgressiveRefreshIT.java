package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hanging endpoint delays only itself: the refresh publishes what it has at its first-paint deadline, the hanging
 * endpoint marked pending with its last known data, and publishes again when that endpoint hits its deadline.
 */
class ProgressiveRefreshIT {

    @BeforeEach
    @AfterEach
    void healthyFleet() {
        Api.healthyFleet();
    }

    private static JsonObject endpoint(String environment, int id) {
        return object("/api/v1/endpoints?environment=" + environment + "&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getInt("id") == id).findFirst().orElseThrow();
    }

    @Test
    void theFirstSnapshotDoesNotWaitForAHangingEndpoint() {
        JsonObject victim = object("/api/v1/endpoints?environment=sim-2&status=online&limit=1000")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("dataSource").equals("live")).findFirst().orElseThrow();
        int id = victim.getInt("id");
        Instant before = Instant.parse(object("/api/v1/dashboard/summary").getString("takenAt"));
        Api.post("/simulator/control/faults", "[{\"server\":\"sim-2\",\"endpointIds\":[" + id
                + "],\"route\":\"containers/json\",\"kind\":\"hang\"}]");

        assertEquals(202, Api.post("/api/v1/refresh?wait=0", null).statusCode(), "the refresh runs on");
        AtomicReference<JsonObject> first = new AtomicReference<>();
        Api.await("the first snapshot of the new refresh", Duration.ofSeconds(60), () -> {
            JsonObject summary = object("/api/v1/dashboard/summary");
            first.set(summary);
            return Instant.parse(summary.getString("takenAt")).isAfter(before);
        });

        JsonObject partial = first.get();
        assertTrue(partial.getBoolean("refreshing"), "published before the hanging endpoint's deadline: " + partial);
        assertEquals(1, partial.getInt("endpointsPending"), partial.toString());
        assertTrue(partial.getBoolean("degraded"), partial.toString());
        JsonObject pending = endpoint("sim-2", id);
        assertTrue(pending.getBoolean("pending"), pending.toString());
        assertEquals("previous", pending.getString("dataSource"), "its last known data stays: " + pending);
        assertEquals(victim.getInt("containers"), pending.getInt("containers"));

        Api.await("the complete snapshot", Duration.ofSeconds(60),
                () -> !object("/api/v1/dashboard/summary").getBoolean("refreshing"));
        JsonObject complete = object("/api/v1/dashboard/summary");
        assertEquals(0, complete.getInt("endpointsPending"), complete.toString());
        assertEquals(1, complete.getInt("endpointsFailed"), complete.toString());
        JsonObject cut = endpoint("sim-2", id);
        assertFalse(cut.getBoolean("pending"));
        assertEquals("timeout", cut.getJsonObject("error").getString("kind"), cut.toString());
    }
}
