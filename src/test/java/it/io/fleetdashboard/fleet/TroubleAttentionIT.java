package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash loops carry Docker's restart count from the background inspect after a refresh, and OOM kills are their
 * own kind, against the simulator's truth and its Docker's own inspect answers.
 */
class TroubleAttentionIT {

    private static JsonObject truth;

    @BeforeAll
    static void knownWorld() {
        Api.healthyFleet();
        truth = Api.object("/simulator/control/truth");
        assertFalse(truth.getJsonObject("containersRestartingRestartCounts").isEmpty(),
                "the simulator has crash-looping containers: " + truth);
        assertTrue(truth.getInt("containersOomKilled") > 0, "the simulator has OOM-killed containers: " + truth);
        // the inspect round runs after the refresh: wait until every crash loop has its count
        Api.await("the restart counts of every crash loop", Duration.ofSeconds(60), () -> Api.object(
                "/api/v1/dashboard/summary").getInt("containersCrashLoopingInspected")
                == truth.getJsonObject("containersRestartingRestartCounts").size());
    }

    private static List<JsonObject> items(String kind) {
        return Api.object("/api/v1/dashboard/attention").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(i -> i.getString("kind").equals(kind)).toList();
    }

    @Test
    void theSummaryCountsEveryKindOfTroubleAsTheSimulatorsTruthDoes() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        assertEquals(truth.getInt("containersRestarting"), summary.getInt("containersCrashLooping"));
        assertEquals(truth.getInt("containersOomKilled"), summary.getInt("containersOomKilled"));
        assertEquals(truth.getInt("containersExitedWithError"), summary.getInt("containersExitedWithError"));
        assertEquals(summary.getInt("containersOomKilled"),
                summary.getJsonObject("attentionByKind").getInt("oom_killed"));
        assertTrue(summary.containsKey("restartCountsInspectedAt"), summary.toString());
    }

    @Test
    void aCrashLoopingContainerAppearsWithItsRestartCountFromInspect() {
        List<JsonObject> loops = items("crash_loop");
        assertFalse(loops.isEmpty());
        JsonObject counts = truth.getJsonObject("containersRestartingRestartCounts");
        int previous = Integer.MAX_VALUE;
        for (JsonObject loop : loops) {
            String key = loop.getString("subject");
            if (loop.isNull("restartCount")) {
                assertFalse(counts.containsKey(key), "only what Docker cannot be asked about has none: " + loop);
                continue;
            }
            int restarts = loop.getInt("restartCount");
            assertEquals(counts.getInt(key), restarts, "truth for " + key);
            assertEquals(Api.simulatedDocker(key, "/json").getInt("RestartCount"), restarts,
                    "the simulated Docker's own inspect of " + key);
            assertTrue(loop.getString("detail").contains("restarted " + restarts + " times"), loop.toString());
            assertTrue(restarts <= previous, "the most restarts first: " + loops);
            previous = restarts;
        }
    }

    @Test
    void anOomKilledContainerIsItsOwnKindAndDockerSaysSo() {
        List<JsonObject> oom = items("oom_killed");
        assertFalse(oom.isEmpty());
        for (JsonObject item : oom) {
            JsonObject state = Api.simulatedDocker(item.getString("subject"), "/json").getJsonObject("State");
            assertTrue(state.getBoolean("OOMKilled"), item + " / " + state);
            assertEquals("critical", item.getString("severity"));
        }
        for (JsonObject exited : items("exited_non_zero")) {
            String key = exited.getString("subject");
            if (!key.contains(":") || key.split(":").length < 3) {
                continue;
            }
            JsonObject endpoint = Api.object("/api/v1/endpoints?limit=1000").getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject).filter(e -> key.startsWith(e.getString("key") + ":"))
                    .findFirst().orElseThrow();
            if (endpoint.getString("dataSource").equals("live")) {
                assertFalse(Api.simulatedDocker(key, "/json").getJsonObject("State").getBoolean("OOMKilled"),
                        "an OOM kill is never listed as a plain exit once inspected: " + exited);
            }
        }
    }

    @Test
    void theHealthListFiltersByTroubleWithTheSameRestartCounts() {
        JsonObject page = Api.object("/api/v1/container-health/containers?trouble=crash_loop&limit=1000");
        JsonObject counts = truth.getJsonObject("containersRestartingRestartCounts");
        assertEquals(truth.getInt("containersRestarting"), page.getInt("total"));
        for (JsonValue value : page.getJsonArray("items")) {
            JsonObject row = value.asJsonObject();
            assertEquals("restarting", row.getString("state"));
            if (counts.containsKey(row.getString("key"))) {
                assertEquals(counts.getInt(row.getString("key")), row.getInt("restartCount"), row.toString());
            }
        }
        assertEquals(truth.getInt("containersOomKilled"),
                Api.object("/api/v1/container-health/containers?trouble=oom_killed&limit=1").getInt("total"));
        assertEquals(400, Api.get("/api/v1/container-health/containers?trouble=melting").statusCode());
        assertEquals(400, Api.get("/api/v1/container-health/containers?sort=colour").statusCode());

        var csv = Api.get("/api/v1/container-health/containers.csv?trouble=oom_killed");
        assertEquals(200, csv.statusCode());
        assertEquals(truth.getInt("containersOomKilled") + 1, csv.body().split("\r\n").length, csv.body());
        assertTrue(csv.body().startsWith("environment,endpoint,container,image,state,status,health,trouble,"),
                csv.body());
    }

    /** Null or left out (JSON-B leaves nulls out). */
    private static boolean absent(JsonObject row, String name) {
        return !row.containsKey(name) || row.isNull(name);
    }

    @Test
    void theWorkloadsListCarriesTheInspectedRestartCountsAndSortsByThem() {
        JsonObject counts = truth.getJsonObject("containersRestartingRestartCounts");
        JsonObject page = Api.object("/api/v1/containers?sort=restarts&order=desc&limit=1000");
        List<JsonObject> rows = page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        int known = 0;
        Integer previous = null;
        boolean unknownSeen = false;
        for (JsonObject row : rows) {
            String key = row.getString("key");
            if (absent(row, "restartCount")) {
                unknownSeen = true;
                assertTrue(absent(row, "restartCountAt"), row.toString());
                continue;
            }
            assertFalse(unknownSeen, "containers never inspected come after the known counts: " + row);
            int restarts = row.getInt("restartCount");
            assertFalse(absent(row, "restartCountAt"), row.toString());
            if (previous != null) {
                assertTrue(restarts <= previous, "most restarts first: " + previous + " then " + row);
            }
            previous = restarts;
            if (counts.containsKey(key)) {
                assertEquals(counts.getInt(key), restarts, row.toString());
                assertEquals(Api.simulatedDocker(key, "/json").getInt("RestartCount"), restarts, row.toString());
                known++;
            }
        }
        assertTrue(unknownSeen, "most containers are not inspected and say so with null");
        assertEquals(counts.size(), known, "every crash loop of the simulator has its count in the list");

        var csv = Api.get("/api/v1/containers.csv?state=restarting");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("environment,endpoint,container,image,state,status,health,exit_code,"
                + "restart_count,restart_count_at,"), csv.body());
    }
}
