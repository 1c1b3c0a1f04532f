package it.io.fleetdashboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readers are never blocked by a write round. The admin endpoint writes samples through the same store method a
 * collection round uses and keeps its transaction open (BEGIN EXCLUSIVE, rows inserted, no commit) until released.
 * While it is open, reads of the store answer, and answer with the state before the transaction; only then does
 * the test ask whether the writer is still open (it is), so the reads finished while the writer held its lock.
 * Without WAL (rollback journal), an EXCLUSIVE lock keeps every reader out: the reads would wait for the busy
 * timeout (5 s) and then fail with SQLITE_BUSY (503), and the test would fail.
 */
class MetricsWalIT {

    @AfterEach
    void release() {
        Api.post("/api/v1/metrics/admin/hold/release", null);
    }

    @Test
    void readersAnswerWhileAWriteTransactionIsOpen() {
        String key = "it:wal:" + UUID.randomUUID();
        String path = "/api/v1/metrics/containers/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "?metric=cpu&from=1h";
        String sample = "{\"samples\":[{\"containerKey\":\"" + key + "\",\"containerName\":\"wal-probe\","
                + "\"endpointKey\":\"it:wal\",\"endpointName\":\"wal\",\"at\":\"" + Instant.now() + "\","
                + "\"cpuPercent\":42.0}]}";

        HttpResponse<String> hold = Api.post("/api/v1/metrics/admin/samples?holdSeconds=60", sample);
        assertEquals(200, hold.statusCode(), hold.body());
        assertTrue(Api.json(hold.body()).asJsonObject().getBoolean("open"), hold.body());

        // readers during the open write transaction
        assertEquals(404, Api.get(path).statusCode(), "the uncommitted sample is invisible to readers");
        assertEquals(200, Api.get("/api/v1/metrics/top").statusCode());
        assertEquals(200, Api.get("/api/v1/metrics/status").statusCode());
        assertEquals(200, Api.get("/api/v1/metrics/anomalies").statusCode());
        JsonObject state = Api.object("/api/v1/metrics/admin/hold");
        assertTrue(state.getBoolean("open"), "the writer still held its transaction when the reads had answered");
        assertTrue(!state.getBoolean("committed"));

        JsonObject released = Api.json(Api.post("/api/v1/metrics/admin/hold/release", null).body()).asJsonObject();
        assertTrue(released.getBoolean("committed"), released.toString());
        JsonObject series = Api.object(path);
        assertEquals(1, series.getJsonArray("points").size());
        assertEquals(42.0, series.getJsonArray("points").getJsonObject(0).getJsonNumber("value").doubleValue());
    }

    @Test
    void diagnosticsAreForAdminsOnly() {
        // a viewer may read but not hold writes: checked through the policy's answer for an anonymous caller
        HttpResponse<String> anonymous = Api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Api.BASE + "/api/v1/metrics/admin/hold")).GET());
        assertEquals(401, anonymous.statusCode());
    }
}
