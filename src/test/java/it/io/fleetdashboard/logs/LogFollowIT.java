package it.io.fleetdashboard.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live follow (server-sent events) against the simulated Docker: a line the container writes arrives within
 * seconds, the follow is released when the client goes away, and the per-user limit holds.
 */
class LogFollowIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");

    @BeforeAll
    static void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    /** A running container that writes a line at least every 4 seconds (by Docker's own last lines). */
    static String chatty() {
        return ContainerLogsIT.find("running", i -> {
            if (ContainerLogsIT.tty(i) || !ContainerLogsIT.logDriver(i).equals("json-file")) {
                return false;
            }
            return true;
        }, 20).stream().filter(LogFollowIT::writesOften).findFirst()
                .orElseThrow(() -> new AssertionError("no simulated container writes a line every 4 s"));
    }

    static boolean writesOften(String key) {
        List<String> last = ContainerLogsIT.truth(key, "stdout=1&stderr=1&tail=3", false, true);
        if (last.size() < 3) {
            return false;
        }
        Instant a = Instant.parse(last.get(0).substring(0, last.get(0).indexOf(' ')));
        Instant b = Instant.parse(last.get(2).substring(0, last.get(2).indexOf(' ')));
        return Duration.between(a, b).toMillis() <= 8_000;
    }

    static InputStream open(String key, String user, String apiKey) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE
                        + "/api/v1/containers/" + ContainerLogsIT.enc(key) + "/logs/follow?tail=0"))
                .header("Accept", "text/event-stream").header("Authorization", AuthIT.basic(user, apiKey)).GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return response.body();
    }

    static int open(String user, String apiKey) {
        HttpResponse<String> response = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/logs/streams"))
                .header("Authorization", AuthIT.basic(user, apiKey)).GET());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject streams = Api.json(response.body()).asJsonObject();
        return streams.getInt("yours");
    }

    @Test
    void aNewLineArrivesWithinSecondsAndTheFollowEndsWhenTheClientGoes() throws Exception {
        String key = chatty();
        List<String> events = new ArrayList<>();
        InputStream body = open(key, "operator", OPERATOR_KEY);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plusSeconds(30);
        String line = null;
        // heartbeats arrive every second, so the deadline is checked at least that often
        for (String text = reader.readLine(); text != null && Instant.now().isBefore(deadline); text = reader.readLine()) {
            events.add(text);
            if (text.startsWith("data:") && events.size() > 1 && events.get(events.size() - 2).equals("event: line")) {
                line = text.substring(5).strip();
                break;
            }
        }
        assertTrue(line != null, "no line within 30 s: " + events);
        assertTrue(events.contains(": alive") || events.stream().anyMatch(e -> e.startsWith(":")), "heartbeats");
        String written = line;
        assertTrue(ContainerLogsIT.truth(key, "stdout=1&stderr=1&tail=20", false, true).contains(written),
                "the line is Docker's: " + written);
        assertEquals(1, open("operator", OPERATOR_KEY));
        body.close();
        Api.await("the follow released after the client went away", Duration.ofSeconds(20),
                () -> open("operator", OPERATOR_KEY) == 0);
    }

    @Test
    void aUserMayFollowOnlySoManyAtOnce() throws Exception {
        String key = ContainerLogsIT.find("running", i -> ContainerLogsIT.logDriver(i).equals("json-file"), 1).get(0);
        List<InputStream> follows = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                follows.add(open(key, "operator", OPERATOR_KEY));
            }
            assertEquals(4, open("operator", OPERATOR_KEY));
            HttpResponse<String> fifth = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/containers/"
                    + ContainerLogsIT.enc(key) + "/logs/follow")).header("Accept", "text/event-stream")
                    .header("Authorization", AuthIT.basic("operator", OPERATOR_KEY)).GET());
            assertEquals(429, fifth.statusCode(), fifth.body());
            assertTrue(fifth.body().contains("LOGS_STREAMS_MAX_PER_USER"), fifth.body());
        } finally {
            for (InputStream follow : follows) {
                follow.close();
            }
        }
        Api.await("every follow released", Duration.ofSeconds(20), () -> open("operator", OPERATOR_KEY) == 0);
    }
}
