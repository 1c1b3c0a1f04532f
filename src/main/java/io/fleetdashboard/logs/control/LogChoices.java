package io.fleetdashboard.logs.control;

import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the Logs page offers to pick from the fleet snapshot: environments, an environment's endpoints, an
 * endpoint's containers (running first, then by name; offline endpoints' last-known containers too, so that a user
 * arriving from a link sees the container and the reason its logs cannot be read).
 */
public final class LogChoices {

    private LogChoices() {
    }

    public static List<EnvironmentState> environments(FleetSnapshot snapshot) {
        return snapshot.environments().stream().sorted(Comparator.comparing(EnvironmentState::name)).toList();
    }

    public static List<FleetEndpoint> endpoints(FleetSnapshot snapshot, String environment) {
        return snapshot.endpoints().stream().filter(e -> e.environment().equals(environment))
                .sorted(Comparator.comparing(FleetEndpoint::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public static List<FleetContainer> containers(FleetSnapshot snapshot, String endpointKey) {
        return Stream.concat(snapshot.containers().stream(), snapshot.offlineContainers().stream())
                .filter(c -> c.endpointKey().equals(endpointKey))
                .sorted(Comparator.comparing((FleetContainer c) -> c.container().state() != ContainerState.RUNNING)
                        .thenComparing(c -> c.container().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
