package it.io.fleetdashboard.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remediation against the simulator: a monitoring round suggests a restart for a crash-looping container, which
 * reaches the simulated Docker only after an operator approved and executed it, every step audited; anonymous and
 * viewer callers cannot approve; a rejected action never runs.
 */
class RemediationIT {

    static final String OPERATOR = "operator";
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    static final String VIEWER = "viewer";
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    @BeforeAll
    static void aRoundWithCrashLoops() {
        Api.healthyFleet();
        round();
    }

    static void round() {
        HttpResponse<String> r = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/insights/analyze?wait=240", null);
        assertEquals(200, r.statusCode(), r.body());
    }

    static List<JsonObject> actions(String status) {
        return Api.json(Api.get("/api/v1/remediation/actions?limit=1000&status=" + status).body()).asJsonArray()
                .stream().map(JsonValue::asJsonObject).toList();
    }

    static JsonObject pendingRestartOfACrashLoop(String notThis) {
        return actions("pending").stream().filter(a -> a.getString("action").equals("restart")
                        && a.getString("condition").startsWith("crash_loop:") && !a.getString("target").equals(notThis))
                .findFirst().orElseThrow(() -> new AssertionError("no pending restart of a crash loop: "
                        + actions("pending")));
    }

    static HttpResponse<String> step(String user, String key, long id, String step, String body) {
        return Api.postAs(user, key, "/api/v1/remediation/actions/" + id + "/" + step, body);
    }

    static String state(String containerKey) {
        return Api.simulatedDocker(containerKey, "/json").getJsonObject("State").getString("Status");
    }

    static boolean audited(String action, String target, String result) {
        return Api.object("/api/v1/audit?limit=50&action=" + action).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).anyMatch(a -> target.equals(a.getString("target", null))
                        && a.getString("result").equals(result) && a.getString("user").equals(OPERATOR));
    }

    @Test
    void aRestartReachesTheSimulatorOnlyAfterApprovalAndEveryStepIsAudited() {
        JsonObject action = pendingRestartOfACrashLoop(null);
        long id = action.getJsonNumber("id").longValue();
        String target = action.getString("target");
        assertEquals("restarting", state(target));
        assertTrue(action.getBoolean("simulated"));

        HttpResponse<String> early = step(OPERATOR, OPERATOR_KEY, id, "execute", null);
        assertEquals(409, early.statusCode(), "not approved yet: " + early.body());
        assertEquals("restarting", state(target), "nothing reached the simulated Docker");
        round();
        assertEquals(1, actions("pending").stream().filter(a -> a.getString("target").equals(target)
                && a.getString("action").equals("restart")).count(), "one pending action per container and kind");

        HttpResponse<String> approved = step(OPERATOR, OPERATOR_KEY, id, "approve", "{\"reason\":\"transient\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject decided = Api.json(approved.body()).asJsonObject();
        assertEquals("approved", decided.getString("status"));
        assertEquals(OPERATOR, decided.getString("decidedBy"), "the actor is the signed-in user");
        assertEquals("transient", decided.getString("reason"));
        assertEquals("restarting", state(target), "approval alone runs nothing");
        assertEquals(409, step(OPERATOR, OPERATOR_KEY, id, "approve", null).statusCode(), "only once");

        HttpResponse<String> executed = step(OPERATOR, OPERATOR_KEY, id, "execute", "");
        assertEquals(200, executed.statusCode(), executed.body());
        JsonObject done = Api.json(executed.body()).asJsonObject();
        assertEquals("executed", done.getString("status"), done.toString());
        assertNotEquals("restarting", state(target), "the simulated Docker restarted it");
        assertEquals(409, step(OPERATOR, OPERATOR_KEY, id, "execute", null).statusCode(), "never twice");

        assertTrue(audited("remediation.execute", target, "DENIED"), "the early execute");
        assertTrue(audited("remediation.approve", target, "SUCCESS"));
        assertTrue(audited("remediation.execute", target, "SUCCESS"));
        assertTrue(audited("container.restart", target, "SUCCESS"), "through the container actions");
    }

    @Test
    void anonymousAndViewerCannotApproveAndARejectedActionNeverRuns() {
        JsonObject action = pendingRestartOfACrashLoop(null);
        long id = action.getJsonNumber("id").longValue();
        String target = action.getString("target");
        HttpResponse<String> anonymous = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/remediation/actions/" + id + "/approve"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(403, step(VIEWER, VIEWER_KEY, id, "approve", null).statusCode());
        assertEquals(403, step(VIEWER, VIEWER_KEY, id, "execute", null).statusCode());
        assertEquals("pending", actions("pending").stream().filter(a -> a.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow().getString("status"));

        HttpResponse<String> rejected = step(OPERATOR, OPERATOR_KEY, id, "reject", "{\"reason\":\"known issue\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("rejected", Api.json(rejected.body()).asJsonObject().getString("status"));
        assertEquals(409, step(OPERATOR, OPERATOR_KEY, id, "execute", null).statusCode());
        assertEquals("restarting", state(target), "a rejected action never runs");
        assertTrue(audited("remediation.reject", target, "SUCCESS"));

        assertEquals(404, step(OPERATOR, OPERATOR_KEY, 987654321L, "approve", null).statusCode());
        assertEquals(400, step(OPERATOR, OPERATOR_KEY, id, "approve", "[1]").statusCode());
        assertEquals(400, Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/remediation/actions/" + id + "/explode", null)
                .statusCode());
        assertEquals(400, Api.get("/api/v1/remediation/actions?status=" + URLEncoder.encode("<x>",
                StandardCharsets.UTF_8)).statusCode());
    }
}
