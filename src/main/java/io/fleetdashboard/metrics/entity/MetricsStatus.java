package io.fleetdashboard.metrics.entity;

/** GET /api/v1/metrics/status. lastRound and lastMaintenance are null until the first one. */
public record MetricsStatus(boolean enabled, long intervalSeconds, int maxContainersPerRound, int maxConcurrency,
                            int statsDeadlineSeconds, boolean roundRunning, long rounds, long ticksSkipped,
                            RoundReport lastRound, double coverage, long retentionHours, long rollupRetentionDays,
                            StoreStats store, MaintenanceReport lastMaintenance) {
}
