package io.fleetdashboard.tracing.entity;

import java.time.Instant;

/**
 * One request of the recent-requests list (sampled at TRACING_SAMPLE_RATE). The path is the one the server
 * dispatched on, without the query string (which may hold search terms or tokens).
 *
 * @param user the signed-in user, or null for an anonymous request
 */
public record TracedRequest(Instant at, String method, String route, String path, int status, double durationMillis,
                            String user) {

    public boolean serverError() {
        return status >= 500;
    }
}
