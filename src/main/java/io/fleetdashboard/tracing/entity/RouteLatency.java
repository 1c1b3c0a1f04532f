package io.fleetdashboard.tracing.entity;

/**
 * How one route answered over a window: every request counted (no sampling), latency percentiles from an HDR
 * histogram (2 significant digits, so within 1 %), measured from the first filter to the last byte handed to the
 * container (for streamed answers: until the stream ended).
 *
 * @param method       the HTTP method
 * @param route        the route template ("/api/v1/containers/{key}"), a page ("/workloads.xhtml") or a servlet
 *                     pattern; never a raw path, so the number of routes stays bounded
 * @param requests     requests answered in the window
 * @param serverErrors of them, answered 5xx
 * @param clientErrors of them, answered 4xx (refused, not found, bad input)
 * @param errorRate    serverErrors / requests (0 when none)
 * @param p50Millis    median latency; null when there were no requests (as are the others)
 */
public record RouteLatency(String method, String route, long requests, long serverErrors, long clientErrors,
                           double errorRate, Double p50Millis, Double p95Millis, Double p99Millis, Double maxMillis) {
}
