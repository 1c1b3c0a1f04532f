package io.fleetdashboard.fleet.entity;

import java.io.Serializable;
import java.time.Instant;

/** How one environment's part of the snapshot was collected. error is set when its endpoint list failed. */
public record EnvironmentState(String name, String displayName, boolean simulated, int endpoints, int endpointsOnline,
                               int containers, int endpointErrors, Instant collectedAt, long durationMillis,
                               FetchError error) implements Serializable {
}
