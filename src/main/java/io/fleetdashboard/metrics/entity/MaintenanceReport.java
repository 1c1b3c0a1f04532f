package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/** One rollup-and-purge pass. */
public record MaintenanceReport(Instant at, long durationMillis, long rolledUpSamples, long purgedSamples,
                                long purgedRollups, long purgedAnomalies) {
}
