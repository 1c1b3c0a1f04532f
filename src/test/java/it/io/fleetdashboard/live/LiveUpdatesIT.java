package it.io.fleetdashboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.AuthIT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /api/v1/live: a viewer's stream hears that a monitoring round ended, only for the topics it asked for. */
class LiveUpdatesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");
    private static final String OPERATOR_KEY = System.getProperty("it.operator.key", "it-operator-key");

    /** The lines of an open stream, read on their own thread. */
    record Stream(InputStream body, BlockingQueue<String> lines) implements AutoCloseable {
        static Stream open(String topics) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE
                            + "/api/v1/live?topics=" + topics)).header("Accept", "text/event-stream")
                    .header("Authorization", AuthIT.basic("viewer", VIEWER_KEY)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            Stream stream = new Stream(response.body(), new LinkedBlockingQueue<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        stream.lines().add(line);
                    }
                } catch (IOException | UncheckedIOException closed) {
                    // the test closed the stream
                }
            }, "live-updates-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        /** The lines until "event: name" arrived, or all seen by the deadline. */
        List<String> until(String name, Duration deadline) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            Instant end = Instant.now().plus(deadline);
            while (Instant.now().isBefore(end)) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.equals("event: " + name)) {
                        return seen;
                    }
                }
            }
            return seen;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    @Test
    void aRoundsEndReachesTheStreamsThatListenToInsightsOnly() throws Exception {
        try (Stream insights = Stream.open("insights"); Stream alertsOnly = Stream.open("alerts")) {
            assertTrue(insights.until("nothing", Duration.ofSeconds(2)).stream().anyMatch(l -> l.startsWith(":")),
                    "the stream says it listens");
            HttpResponse<String> round = Api.postAs("operator", OPERATOR_KEY, "/api/v1/insights/analyze?wait=240",
                    null);
            assertEquals(200, round.statusCode(), round.body());
            List<String> seen = insights.until("insights", Duration.ofSeconds(20));
            assertTrue(seen.contains("event: insights"), "the round's end was pushed: " + seen);
            String data = insights.lines().poll(5, TimeUnit.SECONDS);
            assertTrue(data != null && data.startsWith("data:"), "with its time: " + data);
            Instant.parse(data.substring(5).strip());
            assertTrue(alertsOnly.lines().stream().noneMatch(l -> l.equals("event: insights")),
                    "a stream of other topics hears nothing of it: " + alertsOnly.lines());
        }
    }

    @Test
    void unknownTopicsAreAClearMessage() {
        HttpResponse<String> bad = Api.get("/api/v1/live?topics=insights,weather");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("topics must list some of"), bad.body());
    }
}
