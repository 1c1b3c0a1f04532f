package io.fleetdashboard.fleet.entity;

import java.time.Instant;

/** How fresh the served snapshot is, computed per request (the snapshot itself is immutable). */
public record SnapshotStatus(Instant takenAt, long ageSeconds, boolean stale, boolean refreshing, long durationMillis,
                             boolean demo) {
}
