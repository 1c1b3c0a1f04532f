package io.fleetdashboard.tracing.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * The request tracing settings and what the window holds in all.
 *
 * @param since    the start of the window (the later of now minus the window and the server's start)
 * @param step     the width of one histogram step (percentiles over "the last hour" are over the last 12 steps)
 * @param total    every route together
 * @param sampleRate the share of requests kept in the recent-requests list (statistics count every request)
 */
public record TracingSummary(boolean enabled, String service, Instant since, Instant until, Duration window,
                             Duration step, Duration retention, double sampleRate, RouteLatency total) {
}
