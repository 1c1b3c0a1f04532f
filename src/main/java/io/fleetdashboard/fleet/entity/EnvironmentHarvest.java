package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Stack;
import java.time.Instant;
import java.util.List;

/**
 * What one refresh learned about one environment. error is set when its endpoint list could not be read (then the
 * endpoints and stacks are the last known ones); stacksError when only its stack list failed (the stacks are the
 * last known ones). lastSuccessAt is when its endpoint list was last read successfully (null: never).
 */
public record EnvironmentHarvest(String name, String displayName, boolean simulated, List<EndpointHarvest> endpoints,
                                 List<Stack> stacks, FetchError error, FetchError stacksError, Instant collectedAt,
                                 Instant lastSuccessAt, long durationMillis) {
}
