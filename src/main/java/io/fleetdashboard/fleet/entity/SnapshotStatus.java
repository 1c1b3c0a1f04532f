package io.fleetdashboard.fleet.entity;

import java.time.Instant;

/**
 * How fresh the served snapshot is, computed per request (the snapshot itself is immutable).
 *
 * @param takenAt    when the refresh that produced it started
 * @param ageSeconds seconds since {@link Freshness#dataAsOf()}, the oldest environment's last successful read
 * @param stale      older than PORTAINER_CACHE_TTL_SECONDS, or an environment's data is kept from before, or it
 *                   was restored after a restart and no refresh has completed since
 * @param degraded   see {@link Freshness#degraded()}
 * @param restored   read back from the persisted copy at start-up; no refresh has been published since
 */
public record SnapshotStatus(Instant takenAt, Instant dataAsOf, long ageSeconds, boolean stale, boolean degraded,
                             boolean restored, boolean refreshing, long durationMillis, boolean demo,
                             Freshness freshness) {
}
