package io.fleetdashboard.fleet.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * How current a snapshot's data is, computed once when it is assembled.
 *
 * @param dataAsOf                       the last successful read of its oldest environment: the snapshot's age is
 *                                       measured from here, not from the refresh that produced it (null: no
 *                                       environment was ever read)
 * @param environmentsFailed             environments whose endpoint list failed: all their data is the last known
 * @param environmentsStacksFailed       environments whose stack list failed: their stacks are the last known
 * @param endpointsFailed                endpoints that could not be read in this refresh (last known data kept)
 * @param endpointsPending               endpoints still being read when the snapshot was published
 * @param endpointsFromPortainerSnapshot online async edge endpoints, shown from Portainer's stored snapshot
 * @param portainerSnapshotsOldestAt     the oldest of those stored snapshots (null: none)
 */
public record Freshness(Instant dataAsOf, int environmentsFailed, int environmentsStacksFailed, int endpointsFailed,
                        int endpointsPending, int endpointsFromPortainerSnapshot, Instant portainerSnapshotsOldestAt)
        implements Serializable {

    /** Some part of the fleet is not from this refresh's successful reads. */
    public boolean degraded() {
        return environmentsFailed > 0 || environmentsStacksFailed > 0 || endpointsFailed > 0 || endpointsPending > 0;
    }
}
