package io.fleetdashboard.metrics.entity;

import java.time.Instant;

/**
 * One collection round.
 *
 * @param eligible running containers on online endpoints at the start of the round
 * @param targets  containers this round chose (at most metrics.max.containers.per.round per environment)
 * @param sampled  stats read in time
 * @param skipped  targets left out: deadline passed, call failed, or the round's time budget was spent
 * @param written  samples stored
 */
public record RoundReport(Instant startedAt, long durationMillis, int eligible, int targets, int sampled,
                          int skipped, int written, int anomalies) {
}
