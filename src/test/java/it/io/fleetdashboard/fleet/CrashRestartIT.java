package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A crash does not lose the last known fleet: publish, {@code kill -9} the server's JVM (no shutdown, nothing
 * flushed), start it against a slow Portainer; the summary is served at once from the persisted snapshot, marked
 * stale and restored, before the first refresh completes.
 */
class CrashRestartIT {

    /** The test started the server with JVM options of its own: start it again as configured. */
    @AfterAll
    static void normalServerAgain() throws Exception {
        TestServer.restart();
        Api.refresh();
    }

    private static JsonObject fleetCheck() {
        return object("/health/ready").getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("fleet")).findFirst().orElseThrow();
    }

    @Test
    void afterKillNineTheLastPublishedSnapshotIsServedAtOnceMarkedStale() throws Exception {
        Api.refresh();
        JsonObject published = object("/api/v1/dashboard/summary");
        String takenAt = published.getString("takenAt");
        Api.await("the snapshot to be persisted", Duration.ofSeconds(60),
                () -> takenAt.equals(fleetCheck().getJsonObject("data").getString("persistedSnapshot", "")));

        TestServer.killHard();
        // Each simulated Portainer answer now takes 2 s: the first refresh after start-up takes many seconds. No
        // first-paint publish during it (ProgressiveRefreshIT covers that): on a loaded machine the server may only
        // answer after that deadline, and then serves the first paint, not the restored snapshot this test is about.
        TestServer.run("start", "-Dsimulator.latency.ms=2000 -Dfleet.first.paint.millis=600000");
        Api.await("the restarted server to answer", Duration.ofSeconds(180),
                () -> TestServer.answers("/api/v1/dashboard/summary"));

        JsonObject summary = object("/api/v1/dashboard/summary");
        assertEquals(takenAt, summary.getString("takenAt"), "the snapshot published before the crash");
        assertTrue(summary.getBoolean("refreshing"), "before the first refresh completes: " + summary);
        assertTrue(summary.getBoolean("stale"), "marked stale: " + summary);
        assertTrue(summary.getBoolean("restored"), summary.toString());
        for (String count : new String[] {"endpointsTotal", "containersTotal", "stacks", "images"}) {
            assertEquals(published.getInt(count), summary.getInt(count), count);
        }
        assertEquals("UP", fleetCheck().getString("status"), "ready: the last known fleet can be served");

        Api.await("the first refresh after the crash", Duration.ofSeconds(120),
                () -> !object("/api/v1/dashboard/summary").getBoolean("restored"));
        JsonObject after = object("/api/v1/dashboard/summary");
        assertTrue(Instant.parse(after.getString("takenAt")).isAfter(Instant.parse(takenAt)), after.toString());
    }
}
