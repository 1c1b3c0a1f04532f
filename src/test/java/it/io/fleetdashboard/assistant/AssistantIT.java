package it.io.fleetdashboard.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The assistant's API: quick answers by rules from the snapshot (no model involved), conversations per user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantIT {

    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    @BeforeAll
    void aFreshSnapshot() {
        Api.refresh();
    }

    static String ask(String question, Long conversation) {
        var body = Json.createObjectBuilder().add("question", question);
        if (conversation != null) {
            body.add("conversation", conversation);
        }
        return body.build().toString();
    }

    static JsonObject askOk(String question, Long conversation) {
        HttpResponse<String> response = Api.post("/api/v1/assistant/ask", ask(question, conversation));
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response.body()).asJsonObject();
    }

    @Test
    void aQuickQuestionIsAnsweredFromTheSnapshotAndKeptInTheConversation() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        JsonObject first = askOk("How many containers are running?", null);
        assertTrue(first.getString("answer").startsWith("**" + summary.getInt("containersRunning") + "** of "
                + summary.getInt("containersTotal") + " containers are running"), first.getString("answer"));
        assertTrue(first.getString("answer").contains("simulated fleet"), "demo data says so");
        assertEquals("RULES", first.getString("source"));
        assertEquals("fleet_summary", first.getJsonArray("toolCalls").getJsonObject(0).getString("name"));
        assertTrue(first.getJsonArray("sent").isEmpty(), "nothing left the dashboard");
        long conversation = first.getJsonNumber("conversation").longValue();

        JsonObject second = askOk("Show unhealthy containers", conversation);
        assertEquals(conversation, second.getJsonNumber("conversation").longValue());
        JsonObject call = second.getJsonArray("toolCalls").getJsonObject(0);
        assertEquals("list_containers", call.getString("name"));
        assertEquals(summary.getInt("containersUnhealthy"), call.getInt("matched"));
        for (JsonValue row : call.getJsonArray("rows")) {
            assertTrue(row.asJsonObject().getString("href").startsWith("containers/"), row.toString());
        }

        JsonObject turns = Api.object("/api/v1/assistant/conversations/" + conversation);
        assertEquals("How many containers are running?", turns.getJsonObject("conversation").getString("title"));
        List<String> roles = turns.getJsonArray("turns").stream()
                .map(t -> t.asJsonObject().getString("role")).toList();
        assertEquals(List.of("user", "assistant", "user", "assistant"), roles);

        var history = Api.json(Api.get("/api/v1/assistant/conversations").body()).asJsonArray();
        assertEquals(conversation, history.stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("id").longValue() == conversation).findFirst().orElseThrow()
                .getJsonNumber("id").longValue());
    }

    @Test
    void offlineEndpointsAndAttentionAreCountedLikeTheDashboard() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        JsonObject offline = askOk("Which endpoints are offline?", null);
        JsonObject call = offline.getJsonArray("toolCalls").getJsonObject(0);
        assertEquals("list_endpoints", call.getString("name"));
        assertEquals(summary.getInt("endpointsOffline"), call.getInt("matched"));
        assertTrue(call.getInt("used") <= 10, "bounded");

        JsonObject attention = askOk("What needs attention?", null);
        assertEquals("health_alerts", attention.getJsonArray("toolCalls").getJsonObject(0).getString("name"));
    }

    @Test
    void aViewerMayAskButSeesOnlyTheirOwnConversations() {
        long adminConversation = askOk("What needs attention?", null).getJsonNumber("conversation").longValue();
        HttpResponse<String> viewer = Api.postAs("viewer", VIEWER_KEY, "/api/v1/assistant/ask",
                ask("How many containers are running?", null));
        assertEquals(200, viewer.statusCode(), viewer.body());

        HttpResponse<String> foreign = Api.postAs("viewer", VIEWER_KEY, "/api/v1/assistant/ask",
                ask("How many containers are running?", adminConversation));
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("no_such_conversation"), foreign.body());
        HttpResponse<String> read = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE
                + "/api/v1/assistant/conversations/" + adminConversation))
                .header("Authorization", it.io.fleetdashboard.AuthIT.basic("viewer", VIEWER_KEY)).GET());
        assertEquals(404, read.statusCode(), read.body());
    }

    @Test
    void badInputGetsAClearMessage() {
        for (String body : List.of("", "not json", "[]", "{}", "{\"question\": 3}", "{\"question\": \"  \"}",
                "{\"question\": \"x\", \"conversation\": \"one\"}", "{\"question\": \"x\", \"conversation\": -1}",
                "{\"question\": \"x\", \"conversation\": 1.5}",
                Json.createObjectBuilder().add("question", "x".repeat(4001)).build().toString())) {
            HttpResponse<String> response = Api.post("/api/v1/assistant/ask", body);
            assertEquals(400, response.statusCode(), body + " → " + response.body());
            assertTrue(response.body().contains("\"message\""), response.body());
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals(404, Api.post("/api/v1/assistant/ask", ask("x", 987654321L)).statusCode());
        assertEquals(400, Api.get("/api/v1/assistant/conversations/abc").statusCode());
        assertEquals(404, Api.get("/api/v1/assistant/messages/987654321/sent").statusCode());
    }

    @Test
    void whatWasSentIsDownloadable() {
        JsonObject answer = askOk("How many containers are running?", null);
        JsonObject turns = Api.object("/api/v1/assistant/conversations/" + answer.getJsonNumber("conversation"));
        long id = turns.getJsonArray("turns").getJsonObject(1).getJsonNumber("id").longValue();
        HttpResponse<String> sent = Api.get("/api/v1/assistant/messages/" + id + "/sent");
        assertEquals(200, sent.statusCode());
        assertTrue(sent.headers().firstValue("Content-Disposition").orElse("").contains("assistant-sent-" + id));
        assertEquals("[]", sent.body(), "a rules answer sent nothing");
    }
}
