package it.io.fleetdashboard.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric of ours carries the fleet_ prefix. */
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
}
