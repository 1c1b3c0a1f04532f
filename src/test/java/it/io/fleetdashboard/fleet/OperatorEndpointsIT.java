package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator scrapes and probes, without credentials. */
class OperatorEndpointsIT {

    @BeforeAll
    static void refreshed() {
        Api.refresh();
        Api.object("/api/v1/dashboard/summary"); // one cache read, so the cache metrics exist
    }

    private static HttpResponse<String> anonymous(String path) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET());
    }

    @Test
    void readinessSaysTheDatabaseAndTheSnapshotAreThere() {
        HttpResponse<String> response = anonymous("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"database\":\"up\""), response.body());
        assertTrue(response.body().contains("\"snapshot\""), response.body());
    }

    @Test
    void metricsArePrometheusTextWithOurOwnSeries() {
        HttpResponse<String> response = anonymous("/metrics");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("# TYPE fleet_refresh_duration_seconds"), "refresh duration per environment");
        assertTrue(body.contains("fleet_refresh_duration_seconds_count{environment=\"sim-1\""), "tagged by env");
        assertTrue(body.contains("fleet_cache_hits_total{"), "cache hits by tier");
        assertTrue(body.contains("tier=\"heap\""), "heap tier hits");
        assertTrue(body.contains("fleet_snapshot_age_seconds"), "snapshot age");
        assertTrue(body.contains("fleet_portainer_requests_total{environment=\"sim-1\""), "requests sent");
        assertTrue(body.contains("fleet_portainer_request_seconds_count{environment=\"sim-1\""), "latency by env");
        assertTrue(body.contains("\nfleet_simulator_connections{"), "connections the simulator accepted");
        assertTrue(body.contains("\nfleet_simulator_requests{"), "requests the simulator received");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        HttpResponse<String> response = anonymous("/openapi");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/dashboard/summary"), "summary documented");
        assertTrue(response.body().contains("/api/v1/containers"), "lists documented");
    }
}
