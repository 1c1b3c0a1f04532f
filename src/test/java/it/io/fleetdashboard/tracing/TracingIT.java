package it.io.fleetdashboard.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request tracing over HTTP: every request counted under its route template, with its outcome and latency. */
class TracingIT {

    private static Optional<JsonObject> route(String method, String route) {
        String query = "?hours=1&search=" + URLEncoder.encode(route, StandardCharsets.UTF_8);
        return Api.object("/api/v1/tracing/routes" + query).getJsonArray("routes").stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("method").equals(method) && r.getString("route").equals(route)).findFirst();
    }

    private static long count(String method, String route, String field) {
        return route(method, route).map(r -> r.getJsonNumber(field).longValue()).orElse(0L);
    }

    @Test
    void requestsAreCountedUnderTheirRouteWithOutcomesAndPercentiles() {
        long before = count("GET", "/api/v1/endpoints", "requests");
        long clientErrorsBefore = count("GET", "/api/v1/endpoints", "clientErrors");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Api.get("/api/v1/endpoints?limit=1").statusCode());
        }
        assertEquals(400, Api.get("/api/v1/endpoints?limit=bogus").statusCode());

        JsonObject endpoints = route("GET", "/api/v1/endpoints").orElseThrow();
        assertEquals(before + 6, endpoints.getJsonNumber("requests").longValue(), endpoints.toString());
        assertEquals(clientErrorsBefore + 1, endpoints.getJsonNumber("clientErrors").longValue());
        double p50 = endpoints.getJsonNumber("p50Millis").doubleValue();
        double p95 = endpoints.getJsonNumber("p95Millis").doubleValue();
        double p99 = endpoints.getJsonNumber("p99Millis").doubleValue();
        double max = endpoints.getJsonNumber("maxMillis").doubleValue();
        assertTrue(0 < p50 && p50 <= p95 && p95 <= p99 && p99 <= max, endpoints.toString());

        JsonObject summary = Api.object("/api/v1/tracing/routes").getJsonObject("summary");
        assertTrue(summary.getBoolean("enabled"));
        assertTrue(summary.getJsonObject("total").getJsonNumber("requests").longValue() >= 6, summary.toString());
    }

    @Test
    void aRouteIsItsTemplateNeverTheRawPath() {
        assertEquals(404, Api.get("/api/v1/containers/sim-1:1:" + "0".repeat(64)).statusCode());
        assertEquals(404, Api.get("/api/v1/no-such-route-for-tracing").statusCode());

        assertTrue(route("GET", "/api/v1/containers/{key}").orElseThrow().getJsonNumber("clientErrors")
                .longValue() >= 1);
        List<String> routes = Api.object("/api/v1/tracing/routes?hours=1").getJsonArray("routes").stream()
                .map(r -> r.asJsonObject().getString("route")).toList();
        assertFalse(routes.stream().anyMatch(r -> r.contains("0000000000") || r.contains("no-such-route")), routes
                .toString());
    }

    @Test
    void recentRequestsShowThePathWithoutItsQueryAndPrometheusSeesTheRoutes() {
        assertEquals(200, Api.get("/api/v1/dashboard/summary?secret-looking=token123").statusCode());
        JsonObject newest = Api.json(Api.get("/api/v1/tracing/requests?search=/api/v1/dashboard/summary&limit=1")
                .body()).asJsonArray().getJsonObject(0);
        assertEquals("/api/v1/dashboard/summary", newest.getString("path"));
        assertEquals("/api/v1/dashboard/summary", newest.getString("route"));
        assertEquals(200, newest.getInt("status"));
        assertEquals("admin", newest.getString("user"));
        assertFalse(newest.toString().contains("token123"), "no query string is kept");

        String metrics = Api.get("/metrics?scope=application").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("fleet_http_server_requests_seconds_count{")
                && l.contains("route=\"/api/v1/dashboard/summary\"")), "the route's timer is on /metrics");
    }

    @Test
    void theCsvHoldsTheFilteredRoutes() {
        Api.get("/api/v1/endpoints?limit=1");
        String csv = Api.get("/api/v1/tracing/routes?format=csv&search=/api/v1/endpoints&method=GET").body();
        String[] lines = csv.split("\r\n");
        assertEquals("method,route,requests,server_errors,client_errors,error_rate,p50_ms,p95_ms,p99_ms,max_ms",
                lines[0]);
        assertTrue(List.of(lines).subList(1, lines.length).stream().allMatch(l -> l.startsWith("GET,/api/v1/endpoints")),
                csv);
    }
}
