package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.HealthQuery;
import io.fleetdashboard.fleet.entity.ContainerTrouble;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.Container;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the Container health list (JSON and CSV). trouble: crash_loop, exited_with_error, oom_killed or null;
 * restartCount and inspectedAt come from Docker's inspect (null while not inspected).
 */
public record HealthRow(String key, String environment, String endpointKey, String endpointName, String id,
                        String name, String image, String state, String status, String health, Integer exitCode,
                        String trouble, Integer restartCount, Instant inspectedAt) {

    static HealthRow of(FleetContainer fc, Map<String, InspectionFacts> facts) {
        Container c = fc.container();
        InspectionFacts known = facts.get(fc.key());
        ContainerTrouble trouble = ContainerTrouble.of(c, known);
        return new HealthRow(fc.key(), fc.environment(), fc.endpointKey(), fc.endpointName(), c.id(), c.name(),
                c.image(), c.state().label(), c.status(), c.health().name().toLowerCase(Locale.ROOT), c.exitCode(),
                trouble == null ? null : trouble.name().toLowerCase(Locale.ROOT), HealthQuery.restarts(fc, facts),
                known == null ? null : known.inspectedAt());
    }

    static final String[] CSV_HEADER = {"environment", "endpoint", "container", "image", "state", "status", "health",
            "trouble", "exit_code", "restart_count", "inspected_at", "id", "key"};

    Object[] csv() {
        return new Object[] {environment, endpointName, name, image, state, status, health, trouble, exitCode,
                restartCount, inspectedAt, id, key};
    }
}
