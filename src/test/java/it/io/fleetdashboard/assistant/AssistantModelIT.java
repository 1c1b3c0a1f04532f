package it.io.fleetdashboard.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Free-form questions in demo mode go to the simulator's OpenAI-compatible stand-in, which records what it
 * receives: the answer is labelled simulated, what was sent is returned, secrets never reach the stand-in, and a
 * failing or slow model gives a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantModelIT {

    @BeforeAll
    void aFreshSnapshot() {
        Api.refresh();
    }

    static HttpResponse<String> ask(String question, Long conversation) {
        var body = Json.createObjectBuilder().add("question", question);
        if (conversation != null) {
            body.add("conversation", conversation);
        }
        return Api.post("/api/v1/assistant/ask", body.build().toString());
    }

    static List<String> received() {
        return Api.json(Api.get("/simulator/control/llm-received").body()).asJsonArray().stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    static JsonObject lastReceivedWith(String marker) {
        return received().stream().filter(b -> b.contains(marker)).reduce((a, b) -> b)
                .map(b -> Api.json(b).asJsonObject()).orElseThrow(() -> new AssertionError("the stand-in never got "
                        + marker));
    }

    @Test
    void aFreeFormQuestionIsAnsweredByTheStandInAndLabelledSimulated() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        HttpResponse<String> response = ask("Tell me about the fleet, marker-7f3a", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = Api.json(response.body()).asJsonObject();
        assertEquals("SIMULATED", answer.getString("source"));
        assertTrue(answer.getString("answer").startsWith("Simulated answer"), answer.getString("answer"));
        assertTrue(answer.getString("answer").contains(summary.getInt("containersRunning") + " containers running"),
                "the stand-in quotes the fleet data it was sent: " + answer.getString("answer"));

        JsonArray sent = answer.getJsonArray("sent");
        assertEquals("system", sent.getJsonObject(0).getString("role"));
        assertTrue(sent.getJsonObject(0).getString("content").contains("<fleet-data>"));
        assertEquals("user", sent.getJsonObject(sent.size() - 1).getString("role"));

        JsonObject got = lastReceivedWith("marker-7f3a");
        assertTrue(got.getBoolean("stream"), "the answer is streamed");
        assertEquals(sent, got.getJsonArray("messages"), "what the answer says was sent is what the model received");

        long conversation = answer.getJsonNumber("conversation").longValue();
        HttpResponse<String> followUp = ask("And what about it now, marker-9c1d", conversation);
        assertEquals(200, followUp.statusCode(), followUp.body());
        JsonArray messages = lastReceivedWith("marker-9c1d").getJsonArray("messages");
        assertEquals(4, messages.size(), "system, the first question, its answer, the follow-up: " + messages);
    }

    @Test
    void secretsInAQuestionNeverReachTheModel() {
        HttpResponse<String> response = ask("why does db fail with password=hunter2-xyz at "
                + "postgres://app:pw-98765@db:5432/shop using Bearer abcdefghijklmnop123 marker-5e2b", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = Api.json(response.body()).asJsonObject();
        String sent = answer.getJsonArray("sent").toString();
        assertTrue(sent.contains("REDACTED"), sent);
        for (String body : received()) {
            for (String secret : List.of("hunter2-xyz", "pw-98765", "abcdefghijklmnop123")) {
                assertFalse(body.contains(secret), "the stand-in received " + secret);
            }
        }
        assertTrue(received().stream().anyMatch(b -> b.contains("marker-5e2b")));
    }

    @Test
    void aFailingModelGivesAClearMessageAndTheNextQuestionWorks() {
        HttpResponse<String> failed = ask("simulate: fail please", null);
        assertEquals(502, failed.statusCode(), failed.body());
        JsonObject error = Api.json(failed.body()).asJsonObject();
        assertEquals("model_unavailable", error.getString("error"));
        assertTrue(error.getString("message").contains("HTTP 500"), error.getString("message"));
        assertFalse(failed.body().contains("Exception"), failed.body());
        JsonArray history = Api.json(Api.get("/api/v1/assistant/conversations?limit=5").body()).asJsonArray();
        JsonObject latest = history.stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("title").equals("simulate: fail please")).findFirst().orElseThrow();
        JsonArray turns = Api.object("/api/v1/assistant/conversations/" + latest.getJsonNumber("id"))
                .getJsonArray("turns");
        assertTrue(turns.getJsonObject(1).getString("content").startsWith("**The model could not answer:**"),
                "the conversation keeps the failure: " + turns);

        HttpResponse<String> slow = ask("simulate: slow please", null);
        assertEquals(504, slow.statusCode(), slow.body());
        assertTrue(Api.json(slow.body()).asJsonObject().getString("message").contains("LLM_TIMEOUT_SECONDS"),
                slow.body());

        HttpResponse<String> next = ask("Still there? marker-0d4e", null);
        assertEquals(200, next.statusCode(), next.body());
    }

}
