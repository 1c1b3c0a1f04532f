package io.fleetdashboard.fleet.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * How one environment's part of the snapshot was collected.
 *
 * @param collectedAt   when this refresh tried it
 * @param lastSuccessAt when its endpoint list was last read successfully (null: never); older than collectedAt
 *                      when it failed now and its last known data is kept
 * @param error         set when its endpoint list failed: its endpoints, containers, stacks and images are the last
 *                      known ones
 * @param stacksError   set when only its stack list failed: its stacks are the last known ones
 */
public record EnvironmentState(String name, String displayName, boolean simulated, int endpoints, int endpointsOnline,
                               int containers, int endpointErrors, int endpointsPending, Instant collectedAt,
                               Instant lastSuccessAt, long durationMillis, FetchError error, FetchError stacksError)
        implements Serializable {

    public boolean failed() {
        return error != null;
    }
}
