package it.io.fleetdashboard.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PrometheusSamples;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The home-dashboard widget and the fleet gauges on /metrics, against the summary of the same snapshot. */
class WidgetAndGaugesIT {

    @BeforeAll
    static void knownFleet() {
        Api.healthyFleet();
        Api.refresh();
    }

    private static long sum(Map<Map<String, String>, Double> samples, String label, String value) {
        return Math.round(samples.entrySet().stream().filter(e -> value.equals(e.getKey().get(label)))
                .mapToDouble(Map.Entry::getValue).sum());
    }

    @Test
    void theWidgetHasTheSummarysFiguresAndIsCacheable() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        HttpResponse<String> first = Api.get("/api/v1/widget");
        assertEquals(200, first.statusCode());
        JsonObject widget = Api.json(first.body()).asJsonObject();
        for (String figure : new String[] {"endpointsOnline", "endpointsOffline", "endpointsTotal",
                "containersRunning", "containersStopped", "containersUnhealthy", "containersTotal"}) {
            assertEquals(summary.getInt(figure), widget.getInt(figure), figure);
        }
        int attention = summary.getJsonObject("attentionByKind").values().stream()
                .mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum();
        assertEquals(attention, widget.getInt("attention"));
        assertEquals(summary.getString("dataAsOf"), widget.getString("dataAsOf"));
        assertEquals(summary.getBoolean("stale") ? "stale" : summary.getBoolean("degraded") ? "degraded" : "ok",
                widget.getString("status"));

        String etag = first.headers().firstValue("ETag").orElseThrow();
        String cache = first.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("private") && cache.contains("max-age=15"), cache);
        HttpResponse<String> again = Api.get("/api/v1/widget", "If-None-Match", etag);
        assertEquals(304, again.statusCode(), "nothing changed");
        assertEquals("", again.body());

        Api.refresh();
        HttpResponse<String> afterRefresh = Api.get("/api/v1/widget", "If-None-Match", etag);
        assertEquals(200, afterRefresh.statusCode(), "a new snapshot is a new answer");
    }

    @Test
    void theFleetGaugesEqualTheSnapshotsCountsPerEnvironment() {
        JsonObject summary = Api.object("/api/v1/dashboard/summary");
        Map<String, Map<Map<String, String>, Double>> metrics = PrometheusSamples.scrape();

        Map<Map<String, String>, Double> endpoints = metrics.get("fleet_endpoints");
        assertEquals(summary.getInt("endpointsOnline"), sum(endpoints, "status", "online"), endpoints.toString());
        assertEquals(summary.getInt("endpointsOffline"), sum(endpoints, "status", "offline"));
        Map<Map<String, String>, Double> containers = metrics.get("fleet_containers");
        assertEquals(summary.getInt("containersRunning"), sum(containers, "state", "running"));
        assertEquals(summary.getInt("containersTotal"), Math.round(containers.values().stream()
                .mapToDouble(Double::doubleValue).sum()));
        assertEquals(summary.getInt("containersUnhealthy"),
                sum(metrics.get("fleet_containers_by_health"), "health", "unhealthy"));

        int environments = summary.getInt("environments");
        Map<Map<String, String>, Double> up = metrics.get("fleet_environment_up");
        assertEquals(environments, up.size(), up.toString());
        assertEquals(environments, Math.round(up.values().stream().mapToDouble(Double::doubleValue).sum()),
                "every environment's last refresh succeeded");
        assertTrue(metrics.get("fleet_portainer_breaker_state").values().stream().allMatch(v -> v == 0.0),
                "every breaker closed");
        assertTrue(metrics.get("fleet_build_info").keySet().stream().anyMatch(l -> l.get("version") != null
                && !l.get("version").contains("${")), "the build's version: " + metrics.get("fleet_build_info"));
        assertTrue(endpoints.keySet().stream().allMatch(l -> l.keySet().equals(java.util.Set.of("environment",
                "status"))), "labels are the environment and the status only");
    }
}
