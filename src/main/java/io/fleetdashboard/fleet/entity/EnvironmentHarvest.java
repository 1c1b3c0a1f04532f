package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Stack;
import java.time.Instant;
import java.util.List;

/** What one refresh learned about one environment; error is set when its endpoint list could not be read. */
public record EnvironmentHarvest(String name, String displayName, boolean simulated, List<EndpointHarvest> endpoints,
                                 List<Stack> stacks, FetchError error, Instant collectedAt, long durationMillis) {
}
