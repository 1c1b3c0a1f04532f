package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/**
 * A value the detector flagged: {@code expected} is the baseline mean, {@code score} the z-score (signed).
 */
public record Anomaly(String containerKey, String containerName, String endpointKey, String endpointName,
                      Metric metric, Instant at, double value, double expected, double score, Direction direction,
                      Severity severity) {
}
