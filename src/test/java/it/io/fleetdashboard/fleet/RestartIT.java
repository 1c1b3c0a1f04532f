package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts the real server: the snapshot from before the restart must be served from its persisted copy at once, while
 * the first refresh (slowed down on purpose through the simulator's latency) is still running.
 */
class RestartIT {

    @AfterAll
    static void normalSpeedAgain() throws Exception {
        TestServer.normalSpeedAgain();
    }

    @Test
    void theLastSnapshotIsServedFromDiskBeforeTheFirstRefreshEnds() throws Exception {
        Api.refresh();
        Instant before = Instant.parse(object("/api/v1/dashboard/summary").getString("takenAt"));
        int containers = object("/api/v1/dashboard/summary").getInt("containersTotal");

        TestServer.run("stop", "");
        // Each simulated Portainer answer now takes 2 s, so the first refresh after start-up takes many seconds.
        TestServer.run("start", "-Dsimulator.latency.ms=2000");
        Api.await("the restarted server to answer", Duration.ofSeconds(180),
                () -> TestServer.answers("/api/v1/dashboard/summary"));

        JsonObject summary = object("/api/v1/dashboard/summary");
        assertEquals(before, Instant.parse(summary.getString("takenAt")), "served the snapshot from before");
        assertTrue(summary.getBoolean("refreshing"), "while the first refresh is still running: " + summary);
        assertTrue(summary.getBoolean("restored") && summary.getBoolean("stale"), summary.toString());
        assertEquals(containers, summary.getInt("containersTotal"));
        assertTrue(object("/health/ready").getString("status").equals("UP"), "ready: a snapshot can be served");

        Api.await("the first refresh after the restart", Duration.ofSeconds(120),
                () -> Instant.parse(object("/api/v1/dashboard/summary").getString("takenAt")).isAfter(before));
    }
}
