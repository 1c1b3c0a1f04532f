package it.io.fleetdashboard.containers;

import static it.io.fleetdashboard.containers.Containers.OPERATOR;
import static it.io.fleetdashboard.containers.Containers.OPERATOR_KEY;
import static it.io.fleetdashboard.containers.Containers.VIEWER;
import static it.io.fleetdashboard.containers.Containers.VIEWER_KEY;
import static it.io.fleetdashboard.containers.Containers.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/containers/{key}/{action} and the selection endpoint: the action reaches the simulated Docker (its
 * inspect changes), the snapshot shows it at once, every call is audited, and viewers are refused.
 */
class ContainerActionsIT {

    @BeforeAll
    static void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    @AfterAll
    static void restoreTheWorld() {
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    static HttpResponse<String> act(String key, String action) {
        return Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/containers/" + enc(key) + "/" + action, null);
    }

    static String startedAt(String key) {
        return Api.simulatedDocker(key, "/json").getJsonObject("State").getString("StartedAt");
    }

    static Optional<JsonObject> audited(String action, String key) {
        return Api.object("/api/v1/audit?action=" + action + "&limit=1000").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> key.equals(e.getString("target", null))).findFirst();
    }

    static String listedState(String key) {
        return Containers.rows("").stream().filter(r -> r.getString("key").equals(key)).findFirst()
                .orElseThrow().getString("state");
    }

    @Test
    void aRestartReachesDockerAndIsAudited() {
        String key = Containers.find("running", i -> true);
        String before = startedAt(key);

        HttpResponse<String> response = act(key, "restart");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = Api.json(response.body()).asJsonObject();
        assertEquals("DONE", result.getString("outcome"));
        assertEquals("RUNNING", result.getString("state"));
        assertNotEquals(before, startedAt(key), "the simulated container was restarted");
        JsonObject row = audited("container.restart", key).orElseThrow(() -> new AssertionError("not audited"));
        assertEquals(OPERATOR, row.getString("user"));
        assertEquals("SUCCESS", row.getString("result"));
        assertEquals(Api.simulatedDocker(key, "/json").getString("Name").substring(1), row.getString("targetName"));
        assertTrue(row.getJsonNumber("durationMillis").longValue() >= 0);
    }

    @Test
    void aStopShowsInTheSnapshotAtOnceAndAStartOfARunningOneHasNothingToDo() {
        String key = Containers.find("running", i -> true);
        assertEquals(200, act(key, "stop").statusCode());
        assertEquals("exited", Api.simulatedDocker(key, "/json").getJsonObject("State").getString("Status"));
        assertEquals("exited", listedState(key), "the snapshot has the new state without a refresh");

        assertEquals(200, act(key, "start").statusCode());
        assertEquals("running", listedState(key));
        HttpResponse<String> again = act(key, "start");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("NOTHING_TO_DO", Api.json(again.body()).asJsonObject().getString("outcome"));
        assertEquals("NO_CHANGE", audited("container.start", key).orElseThrow().getString("result"),
                "the newest start of that container is the one that had nothing to do");
    }

    @Test
    void killOfAStoppedContainerIsRefusedAndAuditedAsAFailure() {
        String key = Containers.find("exited", i -> true);
        HttpResponse<String> response = act(key, "kill");
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"conflict\""), response.body());
        assertEquals("FAILURE", audited("container.kill", key).orElseThrow().getString("result"));
    }

    @Test
    void aViewerIsRefusedAndNothingHappens() {
        String key = Containers.find("running", i -> true);
        String before = startedAt(key);
        HttpResponse<String> response = Api.postAs(VIEWER, VIEWER_KEY, "/api/v1/containers/" + enc(key) + "/restart",
                null);
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"forbidden\""), response.body());
        assertEquals(before, startedAt(key));
        HttpResponse<String> selection = Api.postAs(VIEWER, VIEWER_KEY, "/api/v1/containers/actions/restart",
                "{\"keys\":[\"" + key + "\"]}");
        assertEquals(403, selection.statusCode());
    }

    @Test
    void aSelectionGivesAResultPerContainer() {
        List<String> keys = Containers.rows("running").stream().map(r -> r.getString("key"))
                .filter(k -> k.startsWith("sim-1:1:")).limit(2).toList();
        assertEquals(2, keys.size(), "the simulator's first endpoint runs containers");
        String missing = "sim-1:1:" + "0".repeat(64);
        HttpResponse<String> response = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/containers/actions/restart",
                "{\"keys\":[\"" + keys.get(0) + "\",\"" + keys.get(1) + "\",\"" + missing + "\"]}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Api.json(response.body()).asJsonObject();
        assertEquals(2, body.getInt("succeeded"));
        assertEquals(1, body.getInt("failed"));
        List<String> outcomes = body.getJsonArray("results").stream().map(JsonValue::asJsonObject)
                .map(r -> r.getString("key") + "=" + r.getString("outcome")).toList();
        assertEquals(List.of(keys.get(0) + "=DONE", keys.get(1) + "=DONE", missing + "=NOT_FOUND"), outcomes);
        assertEquals("FAILURE", audited("container.restart", missing).orElseThrow().getString("result"));

        HttpResponse<String> bad = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/containers/actions/reboot",
                "{\"keys\":[\"" + keys.get(0) + "\"]}");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> empty = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/containers/actions/restart",
                "{\"keys\":[]}");
        assertEquals(400, empty.statusCode());
    }
}
