package io.fleetdashboard.metrics.entity;

/** Size and row counts of the metrics store. */
public record StoreStats(long databaseBytes, long walBytes, long rawSamples, long rollups, long anomalies,
                         String journalMode) {
}
