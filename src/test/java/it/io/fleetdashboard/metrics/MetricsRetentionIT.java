package it.io.fleetdashboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention and rollups on synthetic old samples, stored through the admin API, then maintenance. */
class MetricsRetentionIT {

    private static String sample(String key, Instant at, double cpu) {
        return "{\"containerKey\":\"" + key + "\",\"containerName\":\"retention-probe\",\"endpointKey\":\"it:old\","
                + "\"endpointName\":\"old\",\"at\":\"" + at + "\",\"cpuPercent\":" + cpu + "}";
    }

    @Test
    void oldRawSamplesBecomeRollupsThatServeLongRanges() {
        String key = "it:retention:" + UUID.randomUUID();
        String path = "/api/v1/metrics/containers/" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "?metric=cpu";
        Instant now = Instant.now();
        // twelve samples ten days ago, one a minute, all in one hour: 10, 11, ... 21
        Instant old = now.minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            samples.add(sample(key, old.plus(Duration.ofMinutes(i)), 10 + i));
        }
        samples.add(sample(key, now.minus(Duration.ofHours(1)), 99));
        samples.add(sample(key, now.minus(Duration.ofDays(40)), 7));
        HttpResponse<String> written = Api.post("/api/v1/metrics/admin/samples",
                "{\"samples\":[" + String.join(",", samples) + "]}");
        assertEquals(200, written.statusCode(), written.body());

        JsonObject report = Api.json(Api.post("/api/v1/metrics/admin/maintenance", null).body()).asJsonObject();
        assertTrue(report.getJsonNumber("rolledUpSamples").longValue() >= 13, report.toString());
        assertTrue(report.getJsonNumber("purgedSamples").longValue() >= 13, report.toString());

        String oldRange = "&from=" + old.minus(Duration.ofHours(1)) + "&to=" + old.plus(Duration.ofHours(1));
        JsonObject raw = Api.object(path + oldRange + "&resolution=raw");
        assertTrue(raw.getJsonArray("points").isEmpty(), "raw samples past the retention are gone: " + raw);

        JsonObject rolled = Api.object(path + oldRange);
        assertEquals("rollup-5m", rolled.getString("resolution"), "old ranges are read from rollups");
        assertEquals(3, rolled.getJsonArray("points").size(), "12 minutes in three 5-minute buckets");
        JsonObject summary = rolled.getJsonObject("summary");
        assertEquals(12, summary.getInt("samples"));
        assertEquals(10.0, summary.getJsonNumber("min").doubleValue());
        assertEquals(21.0, summary.getJsonNumber("max").doubleValue());
        assertEquals(15.5, summary.getJsonNumber("avg").doubleValue(), 1e-9);
        JsonObject firstBucket = rolled.getJsonArray("points").getJsonObject(0);
        assertEquals(12.0, firstBucket.getJsonNumber("value").doubleValue(), 1e-9, "avg of 10..14");

        JsonObject longRange = Api.object(path + "&from=30d");
        assertEquals("rollup-5m", longRange.getString("resolution"));
        assertEquals(12 + 0, longRange.getJsonArray("points").stream().map(JsonValue::asJsonObject)
                .filter(p -> Instant.parse(p.getString("at")).isBefore(now.minus(Duration.ofDays(9))))
                .mapToLong(p -> p.getJsonNumber("samples").longValue()).sum());

        JsonObject recent = Api.object(path + "&from=2h");
        assertEquals("raw", recent.getString("resolution"));
        assertEquals(1, recent.getJsonArray("points").size(), "the recent sample stays raw");
        assertEquals(99.0, recent.getJsonObject("summary").getJsonNumber("current").doubleValue());

        String ancient = "&from=" + now.minus(Duration.ofDays(41)) + "&to=" + now.minus(Duration.ofDays(39));
        assertTrue(Api.object(path + ancient).getJsonArray("points").isEmpty(),
                "rollups past metrics.rollup.retention.days are purged too");
    }
}
