package it.io.fleetdashboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collector against the built-in simulator: rounds triggered through POST /api/v1/metrics/collect, values
 * checked against the simulator's own stats answers, a spike set through the simulator's control API found again
 * as an anomaly.
 */
class MetricsIT {


    @BeforeAll
    static void fleetAndTwoRounds() {
        Api.refresh();
        collect();
        Instant first = Instant.now();
        // rates need two readings some time apart: wait (with a deadline) until a second has passed
        Api.await("one second after the first round", Duration.ofSeconds(10),
                () -> Instant.now().isAfter(first.plusMillis(1200)));
        collect();
    }

    static JsonObject collect() {
        HttpResponse<String> response = Api.post("/api/v1/metrics/collect?wait=120", null);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response.body()).asJsonObject();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonObject series(String key, String metric, String from) {
        return Api.object("/api/v1/metrics/containers/" + enc(key) + "?metric=" + metric + "&from=" + from);
    }

    static double lastValue(JsonObject series) {
        JsonArray points = series.getJsonArray("points");
        return points.getJsonObject(points.size() - 1).getJsonNumber("value").doubleValue();
    }

    /** The simulated Portainer's stats answer for a container key "env:endpoint:id", read directly. */
    static JsonObject simulatorStats(String key) {
        return Api.simulatedDocker(key, "/stats?stream=false");
    }

    static long rx(JsonObject stats) {
        return stats.getJsonObject("networks").getJsonObject("eth0").getJsonNumber("rx_bytes").longValue();
    }

    static Instant read(JsonObject stats) {
        return Instant.parse(stats.getString("read"));
    }

    static List<JsonObject> topCpu(int limit) {
        return Api.object("/api/v1/metrics/top?limit=" + limit).getJsonArray("cpu").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    @Test
    void ratesAndFiguresMatchTheSimulatorsCounters() {
        List<JsonObject> top = topCpu(30);
        assertFalse(top.isEmpty(), "no samples after two rounds");
        Optional<String> withNetwork = top.stream().map(c -> c.getString("key"))
                .filter(k -> !series(k, "net_rx", "10m").getJsonArray("points").isEmpty()).findFirst();
        String key = withNetwork.orElseThrow(() -> new AssertionError("no container with a network rate"));

        // the simulator's network counter grows at a constant rate: any two of its readings give that rate
        JsonObject a = simulatorStats(key);
        Api.await("the simulator's clock to advance", Duration.ofSeconds(10),
                () -> Instant.now().isAfter(read(a).plusMillis(500)));
        JsonObject b = simulatorStats(key);
        double expectedRx = (rx(b) - rx(a)) * 1000.0 / Duration.between(read(a), read(b)).toMillis();
        double apiRx = lastValue(series(key, "net_rx", "10m"));
        assertEquals(expectedRx, apiRx, expectedRx * 0.02 + 1, "net_rx of " + key);

        // CPU%: the docker CLI formula on the simulator's own cpu/precpu pair; the load drifts slowly (period >= 2 min)
        JsonObject cpu = b.getJsonObject("cpu_stats");
        JsonObject pre = b.getJsonObject("precpu_stats");
        double expectedCpu = (cpu.getJsonObject("cpu_usage").getJsonNumber("total_usage").doubleValue()
                - pre.getJsonObject("cpu_usage").getJsonNumber("total_usage").doubleValue())
                / (cpu.getJsonNumber("system_cpu_usage").doubleValue() - pre.getJsonNumber("system_cpu_usage")
                .doubleValue()) * cpu.getInt("online_cpus") * 100.0;
        double apiCpu = lastValue(series(key, "cpu", "10m"));
        assertEquals(expectedCpu, apiCpu, expectedCpu * 0.15 + 0.5, "cpu of " + key);

        // memory: usage minus inactive file (the simulator reports usage/8 as inactive file)
        JsonObject memory = b.getJsonObject("memory_stats");
        long usage = memory.getJsonNumber("usage").longValue();
        long inactive = memory.getJsonObject("stats").containsKey("total_inactive_file")
                ? memory.getJsonObject("stats").getJsonNumber("total_inactive_file").longValue()
                : memory.getJsonObject("stats").getJsonNumber("inactive_file").longValue();
        double apiMemory = lastValue(series(key, "memory", "10m"));
        assertEquals(usage - inactive, apiMemory, (usage - inactive) * 0.03, "memory of " + key);
    }

    @Test
    void aSpikeSetThroughTheSimulatorBecomesAnAnomaly() {
        // a container with a modest load, so that ten times its rate stands out (the simulator caps at 95% of the host)
        String key = topCpu(100).stream().filter(c -> c.getJsonNumber("cpuPercent").doubleValue() > 2
                        && c.getJsonNumber("cpuPercent").doubleValue() < 60)
                .map(c -> c.getString("key")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no container with a modest CPU load"));
        // the detector needs metrics.min.samples (10) values before it judges
        for (int i = 0; i < 11; i++) {
            collect();
        }
        HttpResponse<String> spike = Api.post("/simulator/control/spike",
                "{\"container\":\"" + key + "\",\"metric\":\"cpu\",\"factor\":10,\"seconds\":60}");
        assertEquals(200, spike.statusCode(), spike.body());
        String anomalies = "/api/v1/metrics/anomalies?from=10m&metric=cpu&container=" + enc(key);
        Api.await("the spike to be flagged", Duration.ofSeconds(60), () -> {
            collect();
            return Api.object(anomalies).getInt("count") > 0;
        });
        JsonObject anomaly = Api.object(anomalies).getJsonArray("anomalies").getJsonObject(0);
        assertEquals("UP", anomaly.getString("direction"));
        assertTrue(anomaly.getJsonNumber("value").doubleValue() > anomaly.getJsonNumber("expected").doubleValue());
        assertTrue(anomaly.getJsonNumber("score").doubleValue() >= 3);
        JsonObject series = series(key, "cpu", "10m");
        assertFalse(series.getJsonArray("anomalies").isEmpty(), "the chart's series carries the anomaly");

        HttpResponse<String> csv = Api.get(anomalies + "&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("time,container,container_key,endpoint,metric,value,expected,score"));
        assertTrue(csv.body().contains(key));
    }

    @Test
    void statusAndPrometheusMetricsDescribeTheRounds() {
        JsonObject status = Api.object("/api/v1/metrics/status");
        assertTrue(status.getBoolean("enabled"));
        assertEquals(168, status.getInt("retentionHours"));
        assertEquals(30, status.getInt("rollupRetentionDays"));
        JsonObject round = status.getJsonObject("lastRound");
        assertNotNull(round);
        assertTrue(round.getInt("sampled") > 0);
        assertTrue(round.getInt("written") > 0);
        assertTrue(status.getJsonNumber("coverage").doubleValue() > 0.9, "all containers fit one IT round");
        assertEquals("wal", status.getJsonObject("store").getString("journalMode"));
        assertTrue(status.getJsonObject("store").getJsonNumber("databaseBytes").longValue() > 0);

        String metrics = Api.get("/metrics?scope=application").body();
        for (String name : List.of("fleet_metrics_collector_round_duration", "fleet_metrics_collector_samples_written",
                "fleet_metrics_collector_containers_skipped", "fleet_metrics_store_size_bytes")) {
            assertTrue(metrics.contains(name), name + " missing from /metrics");
        }
    }

    @Test
    void badParametersAnswerJsonErrors() {
        String key = topCpu(1).get(0).getString("key");
        HttpResponse<String> badMetric = Api.get("/api/v1/metrics/containers/" + enc(key) + "?metric=temperature");
        assertEquals(400, badMetric.statusCode());
        assertEquals("bad_request", Api.json(badMetric.body()).asJsonObject().getString("error"));
        assertEquals(400, Api.get("/api/v1/metrics/containers/" + enc(key) + "?from=yesterday").statusCode());
        assertEquals(400, Api.get("/api/v1/metrics/anomalies?severity=mild").statusCode());
        HttpResponse<String> unknown = Api.get("/api/v1/metrics/containers/nowhere:1:nothing");
        assertEquals(404, unknown.statusCode());
        assertTrue(Api.json(unknown.body()).asJsonObject().containsKey("message"));
    }
}
