package io.fleetdashboard.insights.entity;

import java.time.Instant;

/**
 * What one monitoring round did. {@code snapshotTakenAt} is when the fleet data it analysed was read;
 * {@code postureKnown} of {@code postureRunning} running containers have a security posture (the scan is bounded
 * per round, the rest follow in later rounds).
 */
public record RoundReport(Instant startedAt, Instant finishedAt, Instant snapshotTakenAt, boolean simulated,
                          int endpoints, int containers, int conditions, int opened, int updated, int resolved,
                          int open, int postureKnown, int postureRunning, String error) {
}
