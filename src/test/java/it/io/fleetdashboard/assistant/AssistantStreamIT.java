package it.io.fleetdashboard.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The streamed variant: the answer arrives as server-sent events, piece by piece, and its user can stop it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantStreamIT {

    static final String USER = System.getProperty("it.username", "admin");
    static final String KEY = System.getProperty("it.key", "it-secret-key");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void aSnapshot() {
        Api.refresh();
    }

    JsonObject start(String question) {
        HttpResponse<String> started = Api.post("/api/v1/assistant/streams",
                Json.createObjectBuilder().add("question", question).build().toString());
        assertEquals(202, started.statusCode(), started.body());
        return Api.json(started.body()).asJsonObject();
    }

    /** The event stream's lines as they arrive. */
    Iterator<String> events(String stream) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/assistant/streams/" + stream)).header("Authorization", AuthIT.basic(USER, KEY))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        return response.body().iterator();
    }

    /** Reads events until "end"; returns the pieces, the end's data last. */
    static List<String> readUntilEnd(Iterator<String> lines, Runnable afterSecondPiece) {
        List<String> out = new ArrayList<>();
        String event = null;
        int pieces = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String data = line.substring(5).strip();
                if ("piece".equals(event)) {
                    out.add(Api.json(data).asJsonObject().getString("text"));
                    if (++pieces == 2 && afterSecondPiece != null) {
                        afterSecondPiece.run();
                    }
                } else if ("end".equals(event)) {
                    out.add(data);
                    return out;
                }
            }
        }
        throw new AssertionError("the stream ended without an end event: " + out);
    }

    @Test
    void aStreamedAnswerArrivesPieceByPieceAndIsKept() throws Exception {
        // paced by the stand-in (a word every 150 ms), so the stream is followed while it is produced; a listener
        // that connects late gets what arrived so far as its first piece, then the rest piece by piece
        JsonObject started = start("simulate: drip, tell me about the fleet, stream-marker-1");
        List<String> events = readUntilEnd(events(started.getString("stream")), null);
        JsonObject end = Api.json(events.get(events.size() - 1)).asJsonObject();
        assertEquals("done", end.getString("status"));
        List<String> pieces = events.subList(0, events.size() - 1);
        assertTrue(pieces.size() >= 2, "piece by piece, not one block: " + pieces);
        String whole = String.join("", pieces);
        assertTrue(whole.startsWith("Simulated answer"), whole);
        var turns = Api.object("/api/v1/assistant/conversations/" + started.getJsonNumber("conversation"))
                .getJsonArray("turns");
        assertEquals(whole, turns.getJsonObject(1).getString("content"), "the conversation keeps what was streamed");
    }

    @Test
    void aStoppedAnswerEndsAndKeepsWhatArrived() throws Exception {
        JsonObject started = start("simulate: drip, stream-marker-2");
        String stream = started.getString("stream");
        List<String> events = readUntilEnd(events(stream), () -> {
            HttpResponse<String> stop = Api.post("/api/v1/assistant/streams/" + stream + "/stop", null);
            assertEquals(200, stop.statusCode(), stop.body());
        });
        JsonObject end = Api.json(events.get(events.size() - 1)).asJsonObject();
        assertEquals("stopped", end.getString("status"));
        var turns = Api.object("/api/v1/assistant/conversations/" + started.getJsonNumber("conversation"))
                .getJsonArray("turns");
        String kept = turns.getJsonObject(1).getString("content");
        assertTrue(kept.endsWith("*(stopped)*"), kept);
        assertFalse(kept.contains("The fleet data I was given"), "cut where it was stopped: " + kept);
    }

    @Test
    void anotherUsersStreamIsNotFound() {
        JsonObject started = start("How many containers are running?");
        HttpResponse<String> foreign = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/assistant/streams/" + started.getString("stream")))
                .header("Authorization", AuthIT.basic("viewer", System.getProperty("it.viewer.key", "it-viewer-key")))
                .GET());
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertEquals(404, Api.get("/api/v1/assistant/streams/nope").statusCode());
    }

    /** True when the server closed the event stream after its end event (within a short deadline). */
    static boolean closedAfterEnd(Iterator<String> lines) throws Exception {
        return !java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                if (!lines.next().isBlank()) {
                    return true;
                }
            }
            return false;
        }).get(15, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aFailingOrSlowModelEndsTheStreamWithAClearMessageAndFreesItsSlot() throws Exception {
        Iterator<String> failing = events(start("simulate: fail, stream-marker-3").getString("stream"));
        List<String> failed = readUntilEnd(failing, null);
        JsonObject end = Api.json(failed.get(failed.size() - 1)).asJsonObject();
        assertEquals("failed", end.getString("status"));
        assertTrue(end.getString("message").contains("HTTP 500"), end.toString());
        assertFalse(end.toString().contains("Exception"), end.toString());
        assertTrue(closedAfterEnd(failing), "the event stream is closed after its end");

        Iterator<String> slow = events(start("simulate: slow, stream-marker-4").getString("stream"));
        List<String> timedOut = readUntilEnd(slow, null);
        end = Api.json(timedOut.get(timedOut.size() - 1)).asJsonObject();
        assertEquals("failed", end.getString("status"));
        assertTrue(end.getString("message").contains("LLM_TIMEOUT_SECONDS"), end.toString());
        assertTrue(closedAfterEnd(slow), "the event stream is closed after its end");

        // both of this user's slots (at most two answers at a time) are free again: two more start and finish
        JsonObject first = start("simulate: drip, stream-marker-5");
        JsonObject second = start("Tell me about the fleet, stream-marker-6");
        for (JsonObject started : List.of(first, second)) {
            List<String> events = readUntilEnd(events(started.getString("stream")), null);
            assertEquals("done", Api.json(events.get(events.size() - 1)).asJsonObject().getString("status"),
                    events.toString());
        }
        var turns = Api.object("/api/v1/assistant/conversations/" + second.getJsonNumber("conversation"))
                .getJsonArray("turns");
        assertTrue(turns.getJsonObject(1).getString("content").startsWith("Simulated answer"), turns.toString());
    }
}
