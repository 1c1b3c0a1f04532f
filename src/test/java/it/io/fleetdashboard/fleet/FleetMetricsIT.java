package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric of ours carries the fleet_ prefix; timers publish histograms that instances can add up. */
class FleetMetricsIT {

    @Test
    void everyApplicationMetricOfOursIsPrefixed() {
        Api.refresh();
        String metrics = Api.get("/metrics?scope=application").body();
        List<String> names = metrics.lines().filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2]).toList();
        assertTrue(names.size() > 5, metrics);
        assertEquals(List.of(), names.stream().filter(name -> !name.startsWith("fleet_")).toList(),
                "metrics without the fleet_ prefix");
    }

    @Test
    void timersPublishHistogramBuckets() {
        Api.refresh();
        String metrics = Api.get("/metrics?scope=application").body();
        for (String timer : List.of("fleet_refresh_duration_seconds", "fleet_portainer_request_seconds")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(timer + "_bucket{") && line.contains("le=\"0.1\"")),
                    timer + " has no 100 ms bucket:\n" + metrics.lines().filter(l -> l.startsWith(timer)).limit(20)
                            .reduce("", (a, b) -> a + b + "\n"));
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(timer + "_bucket{") && line.contains("le=\"+Inf\"")),
                    timer + " has no +Inf bucket");
        }
    }
}
