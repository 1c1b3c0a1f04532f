package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in docs/grafana asks only for series this server publishes on /metrics: every fleet_ name in
 * its queries is a series of the running server (counters that appear with their first event excepted, listed).
 */
class GrafanaDashboardIT {

    static final Path DASHBOARD = Path.of("docs/grafana/fleet-dashboard.json");
    /** Counters registered at their first event: a Portainer call that failed, an alert delivered. */
    static final Set<String> ON_FIRST_EVENT = Set.of("fleet_portainer_errors_total", "fleet_alerts_deliveries_total");
    static final Pattern NAME = Pattern.compile("fleet_[a-z0-9_]+");

    static List<String> queries() throws IOException {
        List<String> exprs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DASHBOARD)) {
            JsonObject dashboard = Json.createReader(in).readObject();
            for (JsonValue panel : dashboard.getJsonArray("panels")) {
                for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                    exprs.add(target.asJsonObject().getString("expr"));
                }
            }
        }
        return exprs;
    }

    @Test
    void everySeriesTheDashboardAsksForIsOnMetrics() throws IOException {
        Api.refresh();
        Api.get("/api/v1/dashboard/summary");
        String metrics = Api.get("/metrics?scope=application").body();
        Set<String> asked = new TreeSet<>();
        for (String expr : queries()) {
            Matcher m = NAME.matcher(expr);
            while (m.find()) {
                asked.add(m.group());
            }
        }
        assertTrue(asked.size() >= 10, "the dashboard's panels query the fleet's series: " + asked);
        List<String> missing = asked.stream().filter(name -> !ON_FIRST_EVENT.contains(name))
                .filter(name -> metrics.lines().noneMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")))
                .toList();
        assertEquals(List.of(), missing, "series the dashboard asks for that /metrics does not have");
        assertTrue(queries().stream().filter(q -> q.contains("fleet_endpoints") || q.contains("fleet_containers"))
                .allMatch(q -> q.contains("environment=~\"$environment\"")), "fleet panels follow the environment "
                + "variable");
    }
}
