package it.io.fleetdashboard.alerts;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Monitoring rounds, channels, the simulator's webhook and SMTP sinks, and the delivery record, for alert tests. */
final class Alerts {

    static final String OPERATOR = "operator";
    static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");
    static final String VIEWER = "viewer";
    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");
    static final String ADMIN_AUTH = "Basic " + Base64.getEncoder().encodeToString((System.getProperty("it.username",
            "admin") + ":" + System.getProperty("it.key", "it-secret-key")).getBytes(StandardCharsets.UTF_8));
    static final String PRIVILEGED_NAME = "privileged-sysadmin-tools";

    /** An open insight: its id and condition key. */
    record OpenInsight(long id, String condition) {
    }

    private Alerts() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One monitoring round that starts after this call (as the operator); its report. */
    static JsonObject round() {
        HttpResponse<String> response = Api.postAs(OPERATOR, OPERATOR_KEY, "/api/v1/insights/analyze?wait=240", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("analyze answered " + response.statusCode() + ": " + response.body());
        }
        return Api.json(response.body()).asJsonObject();
    }

    static List<JsonObject> openInsights(String kind) {
        return Api.object("/api/v1/insights?status=open&limit=1000&kind=" + kind).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    /** Rounds until the seeded privileged container (always running, never acted on) has its open security insight. */
    static OpenInsight privilegedInsight() {
        OpenInsight[] found = new OpenInsight[1];
        Api.await("the open posture insight of " + PRIVILEGED_NAME, Duration.ofSeconds(240), () -> {
            round();
            String key = Api.object("/api/v1/security/posture?check=privileged&limit=5000").getJsonArray("containers")
                    .stream().map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals(PRIVILEGED_NAME))
                    .map(c -> c.getString("key")).findFirst().orElse(null);
            if (key == null) {
                return false;
            }
            openInsights("posture_critical").stream().filter(i -> i.getString("condition")
                    .equals("posture_critical:" + key)).findFirst()
                    .ifPresent(i -> found[0] = new OpenInsight(i.getJsonNumber("id").longValue(),
                            i.getString("condition")));
            return found[0] != null;
        });
        return found[0];
    }

    static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Authorization", ADMIN_AUTH).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return Api.send(request);
    }

    /** Creates a channel as the admin; its id. */
    static long channel(String json) {
        HttpResponse<String> created = Api.post("/api/v1/alerts/channels", json);
        if (created.statusCode() != 201) {
            throw new AssertionError("channel not created: " + created.statusCode() + " " + created.body());
        }
        return Api.json(created.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    static void deleteChannel(long id) {
        admin("DELETE", "/api/v1/alerts/channels/" + id, null);
    }

    /** The webhook sink's base URL (".../hooks/"). */
    static String webhookBase() {
        return Api.object("/simulator/control/webhooks").getString("url");
    }

    static JsonObject smtpSink() {
        return Api.object("/simulator/control/mails");
    }

    /** What the webhook sink received on that path ("/hooks/..."), oldest first. */
    static List<JsonObject> webhooks(String path) {
        return Api.object("/simulator/control/webhooks?path=" + enc(path)).getJsonArray("received").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    /** The JSON bodies the sink received on that path about that condition. */
    static List<JsonObject> webhooksAbout(String path, String condition) {
        return webhooks(path).stream().map(w -> Api.json(w.getString("body")).asJsonObject())
                .filter(b -> b.containsKey("insight") && condition.equals(b.getJsonObject("insight")
                        .getString("condition", null))).toList();
    }

    static List<JsonObject> mails(String to) {
        return Api.object("/simulator/control/mails?to=" + enc(to)).getJsonArray("received").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    static List<JsonObject> mailsAbout(String to, String condition) {
        return mails(to).stream().filter(m -> m.getString("body").contains(condition)).toList();
    }

    static List<JsonObject> deliveries(long channel) {
        return Api.object("/api/v1/alerts/deliveries?limit=1000&channel=" + channel).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }
}
