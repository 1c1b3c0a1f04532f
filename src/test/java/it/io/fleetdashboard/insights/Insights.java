package it.io.fleetdashboard.insights;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Monitoring rounds on request and the insight list, for the insights tests. */
final class Insights {

    static final String OPERATOR = "operator";
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    static final String VIEWER = "viewer";
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    private Insights() {
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One monitoring round that starts after this call, as the operator; its report. */
    static JsonObject round() {
        HttpResponse<String> response = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/insights/analyze?wait=240", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("analyze answered " + response.statusCode() + ": " + response.body());
        }
        return Api.json(response.body()).asJsonObject();
    }

    /** Rounds until every running container has a posture (the scan is bounded per round). */
    static JsonObject roundsUntilPostureComplete() {
        JsonObject[] last = new JsonObject[1];
        Api.await("every running container's posture", Duration.ofSeconds(240), () -> {
            last[0] = round();
            return last[0].getInt("postureKnown") >= last[0].getInt("postureRunning");
        });
        return last[0];
    }

    static List<JsonObject> list(String query) {
        return Api.object("/api/v1/insights?limit=1000&" + query).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    /** The insights of that condition ("crash_loop:env:1:id") with that status. */
    static List<JsonObject> of(String condition, String status) {
        String kind = condition.substring(0, condition.indexOf(':'));
        String subject = condition.substring(condition.indexOf(':') + 1);
        return list("status=" + status + "&kind=" + kind + "&q=" + enc(subject)).stream()
                .filter(i -> i.getString("condition").equals(condition)).toList();
    }
}
