package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts the real server: the snapshot from before the restart must be served from the disk tier at once, while
 * the first refresh (slowed down on purpose through the simulator's latency) is still running.
 */
class RestartIT {

    private static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    private static final File SERVER_SCRIPT = SERVER_DIR.resolve("../../../bin/server").normalize().toFile();

    private static void server(String action, String jvmArgs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SERVER_SCRIPT.getPath(), action,
                SERVER_DIR.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JVM_ARGS", jvmArgs);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("server " + action + " failed with " + process.exitValue());
        }
    }

    private static boolean answers(String path) {
        try {
            return Api.get(path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @AfterAll
    static void normalSpeedAgain() throws Exception {
        server("stop", "");
        server("start", "");
        Api.await("the server to come back", Duration.ofSeconds(180), () -> answers("/health/ready"));
    }

    @Test
    void theLastSnapshotIsServedFromDiskBeforeTheFirstRefreshEnds() throws Exception {
        Api.refresh();
        Instant before = Instant.parse(object("/api/v1/dashboard/summary").getString("takenAt"));
        int containers = object("/api/v1/dashboard/summary").getInt("containersTotal");

        server("stop", "");
        // Each simulated Portainer answer now takes 2 s, so the first refresh after start-up takes many seconds.
        server("start", "-Dsimulator.latency.ms=2000");
        Api.await("the restarted server to answer", Duration.ofSeconds(180),
                () -> answers("/api/v1/dashboard/summary"));

        JsonObject summary = object("/api/v1/dashboard/summary");
        assertEquals(before, Instant.parse(summary.getString("takenAt")), "served the snapshot from before");
        assertTrue(summary.getBoolean("refreshing"), "while the first refresh is still running: " + summary);
        assertEquals(containers, summary.getInt("containersTotal"));
        assertTrue(object("/health/ready").getString("status").equals("UP"), "ready: a snapshot can be served");

        Api.await("the first refresh after the restart", Duration.ofSeconds(120),
                () -> Instant.parse(object("/api/v1/dashboard/summary").getString("takenAt")).isAfter(before));
    }
}
