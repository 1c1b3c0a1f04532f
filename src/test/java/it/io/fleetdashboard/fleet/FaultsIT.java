package it.io.fleetdashboard.fleet;

import static it.io.fleetdashboard.Api.object;
import static it.io.fleetdashboard.Api.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One Portainer down, one slow, one endpoint hanging: the snapshot still comes, with the healthy data and the errors. */
class FaultsIT {

    @BeforeAll
    static void threeServers() {
        Api.simulator("config", "{\"servers\":3}");
        Api.post("/simulator/control/faults", "[]");
        refresh();
        // The inspect of containers in trouble that follows a refresh has ended before faults are injected: with
        // a round still in flight while the hang was set up, the hanging-endpoint refresh timed out on all 16
        // lanes of sim-3, not only on the hanging endpoint (cause not found yet).
        int crashLoopsLive = object("/simulator/control/truth").getJsonObject("containersRestartingRestartCounts")
                .size();
        Api.await("the restart counts of the crash loops", java.time.Duration.ofSeconds(30),
                () -> object("/api/v1/dashboard/summary").getInt("containersCrashLoopingInspected") >= crashLoopsLive);
    }

    @AfterAll
    static void restore() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        refresh();
    }

    private static Map<String, JsonObject> environments(JsonObject refreshResult) {
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonValue value : refreshResult.getJsonArray("environments")) {
            byName.put(value.asJsonObject().getString("name"), value.asJsonObject());
        }
        return byName;
    }

    @Test
    void aDeadAndASlowPortainerStillGiveASnapshotOfTheHealthyOnes() {
        Api.post("/simulator/control/faults", """
                [{"server":"sim-1","kind":"down"},
                 {"server":"sim-2","kind":"latency","latencyMs":300}]""");
        Map<String, JsonObject> environments = environments(refresh());

        JsonObject dead = environments.get("sim-1");
        assertNotNull(dead.get("error"), "the dead environment says why: " + dead);
        assertEquals("unavailable", dead.getJsonObject("error").getString("kind"));
        for (String healthy : new String[] {"sim-2", "sim-3"}) {
            JsonObject environment = environments.get(healthy);
            assertFalse(environment.containsKey("error"), healthy + " " + environment);
            assertEquals(0, environment.getInt("endpointErrors"), healthy + " " + environment);
            assertTrue(environment.getInt("containers") > 0, healthy + " has its containers");
        }
        JsonObject summary = object("/api/v1/dashboard/summary");
        assertEquals(3, summary.getInt("environments"));
        assertFalse(summary.getBoolean("refreshing") && summary.getBoolean("stale"));
    }

    @Test
    void anEndpointThatHangsIsCutAtItsDeadline() {
        Api.post("/simulator/control/faults", "[]");
        JsonObject victim = object("/api/v1/endpoints?environment=sim-3&status=online&limit=1000")
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("dataSource").equals("live")).findFirst().orElseThrow();
        Api.post("/simulator/control/faults", "[{\"server\":\"sim-3\",\"endpointIds\":[" + victim.getInt("id")
                + "],\"route\":\"containers/json\",\"kind\":\"hang\"}]");

        JsonObject result = refresh();

        JsonObject after = object("/api/v1/endpoints?environment=sim-3&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getInt("id") == victim.getInt("id")).findFirst()
                .orElseThrow();
        assertEquals("timeout", after.getJsonObject("error").getString("kind"), after.toString());
        assertEquals("previous", after.getString("dataSource"), "its last known data stays, with its age");
        assertFalse(environments(result).get("sim-3").containsKey("error"));
        assertEquals(1, environments(result).get("sim-3").getInt("endpointErrors"), () -> "errors of sim-3: "
                + object("/api/v1/endpoints?environment=sim-3&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.containsKey("error") && !e.isNull("error"))
                .map(e -> e.getInt("id") + " " + e.get("error")).toList());
    }
}
