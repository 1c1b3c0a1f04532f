package io.fleetdashboard.tracing.entity;

import java.time.Instant;

/**
 * One step of the latency timeline: the requests of every route that started in [from, from + step).
 *
 * @param p95Millis null when there were no requests in the step
 */
public record LatencyPoint(Instant from, long requests, long serverErrors, Double p95Millis) {
}
